import { convertToParamMap } from '@angular/router';
import { BUYER_ID } from './reports.fixture';
import { presetPeriod, reportQueryOf, reportUrlParams, rowQuery } from './report-query';

describe('report filters', () => {
  it.each([
    ['thisYear', '2026-05-20', { from: '2026-01-01', to: '2026-05-20' }],
    ['lastYear', '2026-05-20', { from: '2025-01-01', to: '2025-12-31' }],
    ['lastQuarter', '2026-05-20', { from: '2026-01-01', to: '2026-03-31' }],
    ['lastQuarter', '2026-02-10', { from: '2025-10-01', to: '2025-12-31' }],
    ['lastQuarter', '2024-08-31', { from: '2024-04-01', to: '2024-06-30' }],
  ] as const)('%s on %s is %j', (preset, today, period) => {
    expect(presetPeriod(preset, today)).toEqual(period);
  });

  it('reads a shared link, leaving out what is malformed, and writes it back', () => {
    const params = convertToParamMap({
      from: '2025-01-01',
      to: 'yesterday',
      buyerOrganizationId: BUYER_ID,
      department: '5',
      segment: '50',
      productiveBet: 'health',
      modality: 'tombola',
    });
    const query = reportQueryOf(params, '2026-05-20', true);
    expect(query).toEqual({ from: '2025-01-01', to: '2026-05-20', buyerOrganizationId: BUYER_ID, segment: '50', productiveBet: 'health' });
    expect(reportQueryOf(params, '2026-05-20', false).buyerOrganizationId).toBeUndefined();
    expect(reportUrlParams(query)).toEqual({
      from: '2025-01-01',
      to: '2026-05-20',
      buyerOrganizationId: BUYER_ID,
      department: null,
      segment: '50',
      productiveBet: 'health',
      modality: null,
    });
  });

  it('narrows the filters to a breakdown row for its drill-down', () => {
    const query = { from: '2026-01-15', to: '2026-12-07', modality: 'minima_cuantia' };
    expect(rowQuery(query, 'department', '05')).toEqual({ ...query, department: '05' });
    expect(rowQuery(query, 'buyer', BUYER_ID)).toEqual({ ...query, buyerOrganizationId: BUYER_ID });
    // A month is cut to the period: its first and last days, or the period's own ends.
    expect(rowQuery(query, 'month', '2026-02')).toEqual({ ...query, from: '2026-02-01', to: '2026-02-28' });
    expect(rowQuery(query, 'month', '2026-01')).toEqual({ ...query, from: '2026-01-15', to: '2026-01-31' });
    expect(rowQuery(query, 'month', '2026-12')).toEqual({ ...query, from: '2026-12-01', to: '2026-12-07' });
    // "No segment" is no filter the API knows.
    expect(rowQuery(query, 'segment', '')).toBeNull();
  });
});
