import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { ECElementEvent, ECharts } from 'echarts/core';
import type { ReportChartOption } from './report-chart-options';

/**
 * One ECharts chart on this element. The library is imported on first render, so it never reaches the
 * app's initial bundle and the page's figures and tables show before it arrives. The chart is a picture
 * for sighted readers (role img, labelled); the same numbers are in the tables.
 */
@Component({
  selector: 'esl-echart',
  template: '',
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  styles: ':host { display: block; width: 100%; height: 100% }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EChart {
  readonly options = input.required<ReportChartOption>();
  readonly label = input.required<string>();
  readonly itemClick = output<ECElementEvent>();
  private readonly chart = signal<ECharts | null>(null);

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    let destroyed = false;
    let observer: ResizeObserver | undefined;
    afterNextRender(() => {
      // jsdom (unit tests) has no layout to draw on.
      if (typeof ResizeObserver === 'undefined') return;
      void import('./echarts-setup').then(({ createChart }) => {
        if (destroyed) return;
        const chart = createChart(element);
        chart.on('click', (event) => this.itemClick.emit(event));
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        this.chart.set(chart);
      });
    });
    effect(() => this.chart()?.setOption(this.options(), { notMerge: true }));
    inject(DestroyRef).onDestroy(() => {
      destroyed = true;
      observer?.disconnect();
      this.chart()?.dispose();
    });
  }
}
