import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { UnsubscribePage } from './unsubscribe.page';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('UnsubscribePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(token: string) {
    const fixture = TestBed.createComponent(UnsubscribePage);
    fixture.componentRef.setInput('token', token);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('sends the token and says which e-mails stop', async () => {
    const { fixture, el } = await open('tok-123');
    expect(text(el)).toContain('Procesando…');
    const req = http.expectOne({ method: 'POST', url: '/api/v1/public/unsubscribe' });
    expect(req.request.body).toEqual({ token: 'tok-123' });
    req.flush({ category: 'savedSearches' });
    await fixture.whenStable();
    expect(text(el.querySelector('[role=status]'))).toBe('Ya no recibirá correos de sus alertas de búsqueda.');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/notificaciones#preferencias');
  });

  it('says why a used or unknown link does not work', async () => {
    const { fixture, el } = await open('old');
    http
      .expectOne('/api/v1/public/unsubscribe')
      .flush({ type: 'about:blank', title: 'Gone', status: 410, code: 'token_expired' }, { status: 410, statusText: 'Gone' });
    await fixture.whenStable();
    expect(text(el.querySelector('[role=alert]'))).toBe('Este enlace ya se usó o venció.');
    expect(el.querySelector('[role=status]')).toBeNull();
  });

  it('does not call the server for a link without a token', async () => {
    const { el } = await open('');
    http.expectNone('/api/v1/public/unsubscribe');
    expect(text(el.querySelector('[role=alert]'))).toBe('Este enlace no es válido.');
  });
});
