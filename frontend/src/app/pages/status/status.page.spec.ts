import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { HealthResponse } from '@eslabon/contracts';
import { StatusPage } from './status.page';

const healthy: HealthResponse = {
  status: 'ok',
  checkedAt: '2026-11-24T17:00:00.000Z',
  checks: {
    database: { status: 'up', latencyMs: 3 },
    redis: { status: 'up', latencyMs: 1 },
    worker: { status: 'up', lastHeartbeatAt: '2026-11-24T16:59:55.000Z', activeWorkers: 1 },
  },
};

describe('StatusPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [StatusPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(respond: (req: ReturnType<HttpTestingController['expectOne']>) => void): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(StatusPage);
    fixture.detectChanges();
    respond(http.expectOne('/api/health'));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (el: HTMLElement, selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows every check and the heartbeat in Bogotá time', async () => {
    const el = await render((req) => req.flush(healthy));
    expect(text(el, '[data-testid=overall]')).toBe('Estado general: Operativo');
    expect(text(el, '[data-testid=check-database]')).toContain('Disponible');
    expect(text(el, '[data-testid=check-database]')).toContain('3 ms');
    // 16:59:55 UTC is 11:59:55 in Bogotá (UTC−5).
    expect(text(el, '[data-testid=check-worker]')).toMatch(/Último latido: .*11:59:55/);
  });

  it('reads the report carried by a 503 and shows what is down', async () => {
    const down: HealthResponse = {
      ...healthy,
      status: 'error',
      checks: { ...healthy.checks, redis: { status: 'down', latencyMs: 2000, error: 'timeout' } },
    };
    const el = await render((req) => req.flush(down, { status: 503, statusText: 'Service Unavailable' }));
    expect(text(el, '[data-testid=overall]')).toBe('Estado general: Fuera de servicio');
    expect(text(el, '[data-testid=check-redis]')).toContain('No disponible');
  });

  it('says so when the server cannot be reached', async () => {
    const el = await render((req) => req.error(new ProgressEvent('error')));
    expect(text(el, '[role=alert]')).toBe('No fue posible contactar al servidor.');
    expect(el.querySelector('[data-testid=overall]')).toBeNull();
  });
});
