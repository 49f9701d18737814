import { TestBed } from '@angular/core/testing';
import type { DepartmentView } from '@eslabon/contracts';
import { competitionSplit, escapeHtml, mapChart, monthsOf } from './report-chart-options';
import { ReportFormat } from './report-format';
import { dashboard, row } from './reports.fixture';

const departments: DepartmentView[] = [
  { code: '05', name: 'Antioquia', longitude: -75.4, latitude: 6.4 },
  { code: '88', name: 'Archipiélago de San Andrés', longitude: -81.7, latitude: 12.9 },
  { code: '91', name: 'Amazonas', longitude: -71.3, latitude: -1.9 },
];

describe('report charts', () => {
  beforeEach(() => localStorage.clear());

  it('colours the departments with a figure and greys the others, each named by its DIVIPOLA code', () => {
    const rows = [row('05', 'Antioquia', { awardedValueCop: '100', nationalValueCop: '40' }), row('91', 'Amazonas', {})];
    const option = mapChart(departments, rows, 'nationalShare', TestBed.inject(ReportFormat), '05');
    const [coloured, grey] = option.series as { data: { id: string; value: number[]; itemStyle?: object }[] }[];
    // Amazonas has a row but no awarded value: no share to colour it by.
    expect(coloured.data).toEqual([
      { id: '05', name: 'Antioquia', value: [-75.4, 6.4, 4000], itemStyle: { borderColor: '#000', borderWidth: 2 } },
    ]);
    expect(grey.data.map((d) => d.id)).toEqual(['88', '91']);
    expect(option.visualMap).toMatchObject({ min: 0, max: 4000, seriesIndex: 0, dimension: 2 });
  });

  it('splits the awarded value between direct contracting and the competitive modalities', () => {
    expect(competitionSplit(dashboard().breakdowns.modality)).toEqual({ valueShare: 2500, processShare: 3333, competitiveShare: 7500 });
    expect(competitionSplit([])).toEqual({ valueShare: null, processShare: null, competitiveShare: null });
  });

  it('runs the time series over every month of the period', () => {
    expect(monthsOf('2025-11-15', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('keeps names from the database out of the tooltips’ markup', () => {
    expect(escapeHtml('<b>Café & "Cía"</b>')).toBe('&#60;b&#62;Café &#38; &#34;Cía&#34;&#60;/b&#62;');
  });
});
