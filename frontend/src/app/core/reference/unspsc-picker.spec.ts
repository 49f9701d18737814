import type { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import type { UnspscSuggestion } from '@eslabon/contracts';
import { UnspscPicker } from './unspsc-picker';
import { useHttpTesting } from '../../../testing/http-testing';

@Component({
  imports: [ReactiveFormsModule, UnspscPicker],
  template: `<esl-unspsc-picker [formControl]="classes" [known]="[{ code: '531016', name: 'Faldas y blusas' }]" />`,
})
class Host {
  readonly classes = new FormControl<string[]>(['531016'], { nonNullable: true });
}

const suggestions: UnspscSuggestion[] = [
  { code: '531027', name: 'Uniformes', familyName: 'Ropa', segmentName: 'Ropa, Maletas y Productos de Aseo Personal', score: 0.92 },
  { code: '531016', name: 'Faldas y blusas', familyName: 'Ropa', segmentName: 'Ropa, Maletas y Productos de Aseo Personal', score: 0.41 },
];

describe('UnspscPicker', () => {
  const httpTesting = useHttpTesting();
  let http: HttpTestingController;

  beforeEach(() => {
    http = httpTesting();
  });

  const buttons = (el: HTMLElement, text: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).filter((b) => b.textContent?.trim() === text);

  it('suggests classes for a description in plain words and adds the one chosen', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('mat-chip')?.textContent).toContain('531016 · Faldas y blusas');

    const text = el.querySelector('textarea') as HTMLTextAreaElement;
    text.value = 'confección de uniformes escolares';
    text.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    buttons(el, 'Sugerir clases')[0].click();
    http
      .expectOne((r) => r.url === '/api/v1/reference/unspsc/suggest' && r.params.get('text') === 'confección de uniformes escolares')
      .flush(suggestions);
    await fixture.whenStable();

    const rows = el.querySelectorAll('[data-testid=unspsc-suggestions] li');
    expect(Array.from(rows).map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '531027 Uniformes Ropa · Ropa, Maletas y Productos de Aseo Personal Agregar',
      '531016 Faldas y blusas Ropa · Ropa, Maletas y Productos de Aseo Personal Agregada',
    ]);
    rows[0].querySelector('button')?.click();
    await fixture.whenStable();

    expect(fixture.componentInstance.classes.value).toEqual(['531016', '531027']);
    expect(fixture.componentInstance.classes.touched).toBe(true);
    expect(Array.from(el.querySelectorAll('mat-chip')).map((c) => c.textContent?.replace('×', '').trim())).toEqual([
      '531016 · Faldas y blusas',
      '531027 · Uniformes',
    ]);
    expect(rows[0].querySelector('button')?.disabled).toBe(true);
  });

  it('removes a class with its chip button', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('button[aria-label="Quitar Faldas y blusas"]')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.classes.value).toEqual([]);
    expect(el.textContent).toContain('Aún no ha elegido clases.');
  });

  it('browses segment → family → class and adds the class', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/reference/unspsc' && !r.params.has('parent'))
      .flush([{ code: '53', level: 'segment', name: 'Ropa, Maletas y Productos de Aseo Personal', parentCode: null }]);
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('button.branch')?.click();
    http
      .expectOne((r) => r.url === '/api/v1/reference/unspsc' && r.params.get('parent') === '53')
      .flush([{ code: '5310', level: 'family', name: 'Ropa', parentCode: '53' }]);
    await fixture.whenStable();
    el.querySelectorAll<HTMLButtonElement>('button.branch')[1].click();
    http
      .expectOne((r) => r.url === '/api/v1/reference/unspsc' && r.params.get('parent') === '5310')
      .flush([{ code: '531027', level: 'class', name: 'Uniformes', parentCode: '5310' }]);
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('button[aria-label="Agregar Uniformes"]')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.classes.value).toEqual(['531016', '531027']);
  });
});
