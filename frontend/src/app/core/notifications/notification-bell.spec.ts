import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationPage, NotificationView } from '@eslabon/contracts';
import { Session } from '../session/session.service';
import { signedIn } from '../../pages/tenders/tender-view.fixture';
import { POLL_MS } from './notification-center';
import { NotificationBell } from './notification-bell';

@Component({ template: '' })
class Blank {}

const COUNT = '/api/v1/notifications/unread-count';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const match: NotificationView = {
  id: 'n1',
  kind: 'tender_match',
  tenderId: 't1',
  tenderReference: 'LP-2026-001',
  tenderTitle: 'Computadores para colegios',
  version: 1,
  reasons: [
    { code: 'class_match', lot: 1, unspsc: '432115' },
    { code: 'family_match', lot: 2, unspsc: '4321' },
    { code: 'operates_in', department: '05' },
    { code: 'reserved_mipymes', lot: 1 },
    { code: 'reserved_economia_popular', lot: 2 },
  ],
  score: 100,
  savedSearchName: null,
  createdAt: '2026-03-02T15:00:00.000Z',
  readAt: null,
};
const alert: NotificationView = {
  ...match,
  id: 'n2',
  kind: 'saved_search',
  tenderId: 't2',
  tenderTitle: 'Uniformes',
  reasons: [],
  score: null,
  savedSearchName: 'Uniformes en Antioquia',
  readAt: '2026-03-03T15:00:00.000Z',
};

describe('NotificationBell', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NotificationBell>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Blank }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  const button = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid=bell]') as HTMLButtonElement;
  const badge = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid=badge]');

  async function render(fakeTimers = false): Promise<void> {
    TestBed.inject(Session).set(signedIn('supplier', 'supplier_admin'));
    fixture = TestBed.createComponent(NotificationBell);
    // With fake timers Angular's scheduler never settles: render by hand.
    if (fakeTimers) fixture.detectChanges();
    else await fixture.whenStable();
  }

  it('names the unread count for screen readers and shows it as a badge', async () => {
    await render();
    http.expectOne(COUNT).flush({ unread: 3 });
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Notificaciones, 3 sin leer');
    expect(text(badge())).toBe('3');
    expect(badge()?.getAttribute('aria-hidden')).toBe('true');

    TestBed.inject(Router).navigateByUrl('/procesos');
    await fixture.whenStable();
    http.expectOne(COUNT).flush({ unread: 0 });
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Notificaciones');
    expect(badge()).toBeNull();
  });

  it('asks again every 30 seconds and stops once the user signs out', async () => {
    jest.useFakeTimers();
    await render(true);
    http.expectOne(COUNT).flush({ unread: 1 });

    jest.advanceTimersByTime(POLL_MS - 10);
    http.expectNone(COUNT);
    jest.advanceTimersByTime(10);
    http.expectOne(COUNT).flush({ unread: 2 });
    fixture.detectChanges();
    expect(button().getAttribute('aria-label')).toBe('Notificaciones, 2 sin leer');

    TestBed.inject(Session).set({ authenticated: false });
    TestBed.tick();
    jest.advanceTimersByTime(3 * POLL_MS);
    http.expectNone(COUNT);
  });

  it('closes with Escape, giving focus back to the bell, and on a click elsewhere', async () => {
    await render();
    http.expectOne(COUNT).flush({ unread: 0 });
    const openPanel = async () => {
      button().click();
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      http
        .match((r) => r.url === '/api/v1/notifications')
        .forEach((r) => r.flush({ items: [], total: 0, unread: 0, page: 1, pageSize: 5 }));
      await fixture.whenStable();
    };
    await openPanel();
    const panel = document.querySelector('#notification-panel') as HTMLElement;
    expect(document.activeElement).toBe(panel);
    expect(panel.textContent).toContain('No tiene notificaciones.');
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button());

    await openPanel();
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await fixture.whenStable();
    expect(button().getAttribute('aria-expanded')).toBe('false');
  });

  it('opens the latest five, says why each came in words, and marks one read when it is followed', async () => {
    await render();
    http.expectOne(COUNT).flush({ unread: 1 });
    await fixture.whenStable();

    button().click();
    await fixture.whenStable();
    // The panel's code arrives on first open.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(button().getAttribute('aria-expanded')).toBe('true');
    const list = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(list.request.params.get('page')).toBe('1');
    expect(list.request.params.get('pageSize')).toBe('5');
    const page: NotificationPage = { items: [match, alert], total: 2, unread: 1, page: 1, pageSize: 5 };
    list.flush(page);
    await fixture.whenStable();
    http.expectOne('/api/v1/reference/divipola/departments').flush([{ code: '05', name: 'ANTIOQUIA' }]);
    await fixture.whenStable();

    const panel = document.querySelector('#notification-panel') as HTMLElement;
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-label')).toBe('Notificaciones recientes');
    const why = Array.from(panel.querySelectorAll('[data-testid=why]')).map(text);
    expect(why).toEqual([
      'Clase 432115 coincide (lote 1) · Familia 4321 coincide (lote 2) · Opera en ANTIOQUIA · Lote 1 reservado a mipymes · Lote 2 reservado a la economía popular',
      'Alerta «Uniformes en Antioquia»',
    ]);
    const links = Array.from(panel.querySelectorAll<HTMLAnchorElement>('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/procesos/t1', '/procesos/t2', '/notificaciones']);
    expect(text(links[0])).toContain('Computadores para colegios LP-2026-001');
    expect(text(links[0])).toContain('Sin leer');
    expect(text(links[1])).not.toContain('Sin leer');

    links[0].click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/v1/notifications/n1/read' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(TestBed.inject(Router).url).toBe('/procesos/t1');
    // The navigation and the read both ask for the count again.
    http
      .match(COUNT)
      .filter((r) => !r.cancelled)
      .forEach((r) => r.flush({ unread: 0 }));
    await fixture.whenStable();
    expect(button().getAttribute('aria-label')).toBe('Notificaciones');
  });
});
