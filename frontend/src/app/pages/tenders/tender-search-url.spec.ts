import { convertToParamMap } from '@angular/router';
import { savedQuery, searchFromUrl, urlFromSearch } from './tender-search-url';

describe('tender search URL state', () => {
  const read = (params: Record<string, string>) => searchFromUrl(convertToParamMap(params));

  it('searches active calls when the URL names no status, any status for status=all', () => {
    expect(read({})).toEqual({ status: 'active', page: 1, pageSize: 20 });
    expect(read({ status: 'all' })).toEqual({ page: 1, pageSize: 20 });
    expect(read({ status: 'awarded' }).status).toBe('awarded');
    expect(read({ status: 'active' }).status).toBe('active');
    // Drafts are never public; an unknown status is the default.
    expect(read({ status: 'draft' }).status).toBe('active');
  });

  it('drops values the API would refuse', () => {
    expect(
      read({
        department: 'Antioquia',
        municipality: '5001',
        unspsc: '123',
        budgetMin: '1.000',
        closingFrom: 'mañana',
        page: '-2',
        sort: 'x',
      }),
    ).toEqual({ status: 'active', page: 1, pageSize: 20 });
  });

  it('writes a query back to the same URL', () => {
    const params = { q: 'uniformes', department: '05', status: 'closed', budgetMax: '90000000', sort: 'budget', page: '2' };
    const query = read(params);
    expect(urlFromSearch(query)).toEqual({ ...params, page: 2 });
    expect(read(Object.fromEntries(Object.entries(urlFromSearch(query)).filter(([, v]) => v !== null)))).toEqual(query);
    // The defaults leave the URL.
    expect(urlFromSearch({ status: 'active', sort: 'relevance', page: 1 })).toEqual({ status: null, sort: null, page: null });
    expect(urlFromSearch({})).toEqual({ status: 'all', sort: null });
  });

  it('saves the filters, not the page', () => {
    expect(savedQuery(read({ q: 'botas', page: '3' }))).toEqual({ q: 'botas', status: 'active' });
  });
});
