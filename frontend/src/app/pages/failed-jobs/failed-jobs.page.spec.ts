import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FailedJobView } from '@eslabon/contracts';
import { useHttpTesting } from '../../../testing/http-testing';
import { FailedJobsPage } from './failed-jobs.page';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const job: FailedJobView = {
  queue: 'notifications',
  id: '42',
  name: 'send-digest',
  attemptsMade: 5,
  failedReason: 'SMTP 421',
  failedAt: '2026-03-02T15:00:00.000Z',
  data: { userId: 'u1' },
};

describe('FailedJobsPage', () => {
  const httpTesting = useHttpTesting();

  it('lists failed jobs and puts one back in its queue', async () => {
    const http: HttpTestingController = httpTesting();
    const fixture = TestBed.createComponent(FailedJobsPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/admin/failed-jobs').flush([job]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('tbody tr'))).toContain('send-digest #42');
    expect(text(el.querySelector('tbody tr'))).toContain('SMTP 421');

    el.querySelector<HTMLButtonElement>('button[aria-label="Reintentar la tarea send-digest (42)"]')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/admin/failed-jobs/notifications/42/retry' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(el.querySelector('table')).toBeNull();
    expect(text(el)).toContain('La tarea send-digest volvió a la cola.');
    expect(text(el)).toContain('No hay tareas fallidas.');
  });
});
