import type { DepartmentView, ReportIndicatorKey, ReportRow } from '@eslabon/contracts';
import { isDirectModality, shareBp, sumTotals } from '@eslabon/domain';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { indicatorValue } from '@eslabon/contracts';
import { ReportFormat, indicatorKind } from './report-format';

/** Type-only imports: the option builders run in the page, ECharts itself loads with the first chart. */
export type ReportChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

const BLUE = '#1565c0';
const LIGHT_BLUE = '#9ec5ee';
const ORANGE = '#c2410c';
const GREY = '#c4c4c4';

/** Tooltips are HTML: names from the database must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const lines = (...parts: string[]) => parts.map(escapeHtml).join('<br/>');

/** The point of an axis tooltip (one per category). */
const indexOf = (params: unknown) => ((Array.isArray(params) ? params[0] : params) as { dataIndex: number }).dataIndex;

/** Every month of a period (`YYYY-MM`), so months without a decided process show as such, not as missing. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  let key = from.slice(0, 7);
  while (key <= to.slice(0, 7)) {
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** Awarded value per month of the period (bars) and the national-industry share (line, right axis in %). */
export function monthChart(rows: readonly ReportRow[], period: { from: string; to: string }, f: ReportFormat): ReportChartOption {
  const awarded = f.label('awardedValueCop');
  const national = f.label('nationalShare');
  const byMonth = new Map(rows.map((r) => [r.key, r]));
  const months = monthsOf(period.from, period.to);
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const month = months[indexOf(params)];
        const indicators = byMonth.get(month)?.indicators;
        return lines(
          f.month(month),
          `${awarded}: ${f.money(indicators?.awardedValueCop ?? '0')}`,
          `${national}: ${f.share(indicators?.shares.nationalShare ?? null)}`,
        );
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8 },
    xAxis: { type: 'category', data: months.map((m) => f.month(m)) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => f.compactMoney(v) } },
      { type: 'value', min: 0, max: 100, splitLine: { show: false }, axisLabel: { formatter: (v: number) => f.share(v * 100) } },
    ],
    series: [
      {
        name: awarded,
        type: 'bar',
        itemStyle: { color: BLUE },
        data: months.map((m) => Number(byMonth.get(m)?.indicators.awardedValueCop ?? 0)),
      },
      {
        name: national,
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: ORANGE },
        data: months.map((m) => {
          const share = byMonth.get(m)?.indicators.shares.nationalShare ?? null;
          return share === null ? '-' : share / 100;
        }),
      },
    ],
  };
}

/** Direct contracting against the competitive modalities, in value and in processes. */
export function competitionSplit(rows: readonly ReportRow[]): {
  valueShare: number | null;
  processShare: number | null;
  competitiveShare: number | null;
} {
  const all = sumTotals(rows.map((r) => r.totals));
  const direct = sumTotals(rows.filter((r) => isDirectModality(r.key)).map((r) => r.totals));
  const competitive = sumTotals(rows.filter((r) => !isDirectModality(r.key)).map((r) => r.totals));
  return {
    valueShare: shareBp(direct.awardedValueCop, all.awardedValueCop),
    processShare: shareBp(direct.processes, all.processes),
    competitiveShare: shareBp(competitive.awardedValueCop, all.awardedValueCop),
  };
}

/** Bars along the value axis, one category a row, the biggest on top; long names are cut (the tooltip has them whole). */
const horizontal = (labels: string[], f: ReportFormat) => ({
  xAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => f.compactMoney(v) } },
  yAxis: { type: 'category' as const, inverse: true, data: labels, axisLabel: { width: 180, overflow: 'truncate' as const } },
});

/** Awarded value by modality, direct contracting in orange. */
export function modalityChart(rows: readonly ReportRow[], f: ReportFormat): ReportChartOption {
  return {
    ...horizontal(
      rows.map((r) => r.label),
      f,
    ),
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const row = rows[indexOf(params)];
        return lines(
          row.label,
          f.t(isDirectModality(row.key) ? 'reports.charts.direct' : 'reports.charts.competitive'),
          `${f.label('awardedValueCop')}: ${f.money(row.indicators.awardedValueCop)}`,
          `${f.label('processes')}: ${f.count(row.indicators.processes)}`,
        );
      },
    },
    series: [
      {
        name: f.label('awardedValueCop'),
        type: 'bar',
        data: rows.map((r) => ({
          value: Number(r.indicators.awardedValueCop),
          itemStyle: { color: isDirectModality(r.key) ? ORANGE : BLUE },
        })),
      },
    ],
  };
}

/** The biggest rows by awarded value, split into the part to national industry and the rest. */
export function nationalBarsChart(rows: readonly ReportRow[], f: ReportFormat): ReportChartOption {
  return {
    ...horizontal(
      rows.map((r) => r.label),
      f,
    ),
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const row = rows[indexOf(params)];
        return lines(
          row.label,
          `${f.label('awardedValueCop')}: ${f.money(row.indicators.awardedValueCop)}`,
          `${f.label('nationalShare')}: ${f.share(row.indicators.shares.nationalShare)}`,
        );
      },
    },
    series: [
      {
        name: f.t('reports.charts.nationalValue'),
        type: 'bar',
        stack: 'value',
        itemStyle: { color: BLUE },
        data: rows.map((r) => Number(r.totals.nationalValueCop)),
      },
      {
        name: f.t('reports.charts.otherValue'),
        type: 'bar',
        stack: 'value',
        itemStyle: { color: LIGHT_BLUE },
        data: rows.map((r) => Number(BigInt(r.totals.awardedValueCop) - BigInt(r.totals.nationalValueCop))),
      },
    ],
  };
}

/** Colombia from San Andrés to Leticia, in degrees; the map's box keeps this aspect so places are not stretched. */
export const MAP_BOUNDS = { west: -82.5, east: -66, south: -5, north: 13.5 };
export const MAP_ASPECT = (MAP_BOUNDS.east - MAP_BOUNDS.west) / (MAP_BOUNDS.north - MAP_BOUNDS.south);

interface MapPoint {
  department: DepartmentView;
  row?: ReportRow;
  value: number | null;
}

/**
 * Departments as squares at the mean position of their municipal seats (no boundary polygons are
 * available offline), coloured by one indicator; those without a figure are grey. Each square's id is
 * its DIVIPOLA code, for the click that filters by it.
 */
export function mapChart(
  departments: readonly DepartmentView[],
  rows: readonly ReportRow[],
  key: ReportIndicatorKey,
  f: ReportFormat,
  selected?: string,
): ReportChartOption {
  const byCode = new Map(rows.map((r) => [r.key, r]));
  const points: MapPoint[] = departments.map((department) => {
    const row = byCode.get(department.code);
    const value = row ? indicatorValue(row.indicators, key) : null;
    return { department, row, value: value === null ? null : Number(value) };
  });
  const series = [points.filter((p) => p.value !== null), points.filter((p) => p.value === null)];
  const values = series[0].map((p) => p.value as number);
  // From zero: a lone department, or several alike, read as how much they have, not as the least.
  const min = Math.min(0, ...values);
  const max = Math.max(min + 1, ...values);
  const data = (list: MapPoint[]) =>
    list.map((p) => ({
      id: p.department.code,
      name: p.department.name,
      value: [p.department.longitude, p.department.latitude, p.value ?? 0],
      itemStyle: p.department.code === selected ? { borderColor: '#000', borderWidth: 2 } : undefined,
    }));
  return {
    grid: { left: '3%', right: '3%', top: '3%', bottom: '3%', outerBoundsMode: 'none' },
    xAxis: { type: 'value', min: MAP_BOUNDS.west, max: MAP_BOUNDS.east, show: false },
    yAxis: { type: 'value', min: MAP_BOUNDS.south, max: MAP_BOUNDS.north, show: false },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      dimension: 2,
      min,
      max,
      left: 8,
      bottom: 8,
      itemHeight: 100,
      inRange: { color: ['#d6e6f8', '#0b3d91'] },
      formatter: (value) => f.amount(indicatorKind(key), Number(value)),
    },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const { seriesIndex = 0, dataIndex } = params as { seriesIndex?: number; dataIndex: number };
        const point = series[seriesIndex][dataIndex];
        const figure = point.row && point.value !== null ? f.figure(key, point.row.indicators) : f.t('reports.map.noData');
        return lines(point.department.name, `${f.label(key)}: ${figure}`);
      },
    },
    series: [
      { type: 'scatter', symbol: 'roundRect', symbolSize: 18, cursor: 'pointer', data: data(series[0]) },
      { type: 'scatter', symbol: 'roundRect', symbolSize: 14, cursor: 'pointer', itemStyle: { color: GREY }, data: data(series[1]) },
    ],
  };
}
