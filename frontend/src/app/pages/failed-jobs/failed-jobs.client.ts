import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FailedJobView } from '@eslabon/contracts';
import { Observable } from 'rxjs';

const ADMIN = '/api/v1/admin/failed-jobs';

/** The queues' dead letters, for platform admins. */
@Injectable({ providedIn: 'root' })
export class FailedJobsClient {
  private readonly http = inject(HttpClient);

  list(): Observable<FailedJobView[]> {
    return this.http.get<FailedJobView[]>(ADMIN);
  }

  retry(job: Pick<FailedJobView, 'queue' | 'id'>): Observable<void> {
    return this.http.post<void>(`${ADMIN}/${encodeURIComponent(job.queue)}/${encodeURIComponent(job.id)}/retry`, {});
  }
}
