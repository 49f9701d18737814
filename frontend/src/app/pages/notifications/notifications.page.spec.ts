import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NotificationPage, NotificationView, SavedSearchView } from '@eslabon/contracts';
import { NotificationsPage } from './notifications.page';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const noContent = { status: 204, statusText: 'No Content' };

const notice: NotificationView = {
  id: 'n1',
  kind: 'tender_match',
  tenderId: 't1',
  tenderReference: 'LP-2026-001',
  tenderTitle: 'Computadores para colegios',
  version: 1,
  reasons: [{ code: 'national_coverage' }],
  score: 60,
  savedSearchName: null,
  createdAt: '2026-03-02T15:00:00.000Z',
  readAt: null,
};
const saved: SavedSearchView = {
  id: 's1',
  name: 'Uniformes en Antioquia',
  query: { q: 'uniformes', department: '05', status: 'active', budgetMin: '1000000' },
  createdAt: '2026-03-02T15:00:00.000Z',
};

describe('NotificationsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NotificationsPage>;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(list.request.params.get('unread')).toBeNull();
    list.flush({ items: [notice], total: 1, unread: 1, page: 1, pageSize: 20 } satisfies NotificationPage);
    http.expectOne('/api/v1/notification-preferences').flush({ tenderMatches: 'instant', savedSearches: 'daily' });
    http.expectOne('/api/v1/saved-searches').flush([saved]);
    await fixture.whenStable();
    http.expectOne('/api/v1/reference/divipola/departments').flush([{ code: '05', name: 'ANTIOQUIA' }]);
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  it('lists the notices, filters the unread ones and marks one or all read', async () => {
    expect(text(el.querySelector('[data-testid=inbox] li'))).toContain(
      'Computadores para colegios LP-2026-001 Cubre todo el país Sin leer',
    );
    expect(text(el.querySelector('[data-testid=unread-count]'))).toBe('1 sin leer');

    el.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await fixture.whenStable();
    const unread = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(unread.request.params.get('unread')).toBe('true');
    unread.flush({ items: [notice], total: 1, unread: 1, page: 1, pageSize: 20 });
    await fixture.whenStable();

    el.querySelector<HTMLButtonElement>('button[aria-label="Marcar como leída: Computadores para colegios"]')?.click();
    http.expectOne({ method: 'POST', url: '/api/v1/notifications/n1/read' }).flush(null, noContent);
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=inbox] li'))).not.toContain('Sin leer');
    expect(text(el.querySelector('[data-testid=unread-count]'))).toBe('0 sin leer');
  });

  it('saves the e-mail preferences with PUT', async () => {
    const select = el.querySelector<HTMLElement>('[data-testid=frequency-tenderMatches]') as HTMLElement;
    expect(text(select)).toBe('Al instante');
    expect(text(el.querySelector('[data-testid=frequency-savedSearches]'))).toBe('Resumen diario');
    select.click();
    await fixture.whenStable();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => text(o) === 'No enviar correos')
      ?.click();
    await fixture.whenStable();

    Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => text(b) === 'Guardar preferencias')
      ?.click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/notification-preferences' });
    expect(put.request.body).toEqual({ tenderMatches: 'off', savedSearches: 'daily' });
    put.flush(put.request.body);
    await fixture.whenStable();
    expect(text(el.querySelector('esl-notification-preferences'))).toContain('Preferencias guardadas.');
  });

  it('links each saved search to its results and deletes it', async () => {
    const item = el.querySelector('[data-testid=saved-searches] li');
    expect(text(item)).toContain('Uniformes en Antioquia');
    expect(text(item)).toContain(
      '«uniformes» · Estado: Activos (proyecto de pliego o abiertos) · Departamento: ANTIOQUIA · Presupuesto desde: $ 1.000.000',
    );
    const link = item?.querySelector('a[aria-label="Ver los resultados de la alerta Uniformes en Antioquia"]');
    // Active (open or in draft) is the search page's default, so it needs no status in the URL.
    expect(link?.getAttribute('href')).toBe('/procesos?q=uniformes&department=05&budgetMin=1000000');

    item?.querySelector<HTMLButtonElement>('button[aria-label="Eliminar la alerta Uniformes en Antioquia"]')?.click();
    http.expectOne({ method: 'DELETE', url: '/api/v1/saved-searches/s1' }).flush(null, noContent);
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=saved-searches]'))).toBe('Aún no tiene alertas.');
    expect(text(el.querySelector('esl-saved-searches'))).toContain('Alerta «Uniformes en Antioquia» eliminada.');
  });
});
