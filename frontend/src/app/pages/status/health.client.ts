import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, HealthResponse } from '@eslabon/contracts';
import { Observable, catchError, of, throwError } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HealthClient {
  private readonly http = inject(HttpClient);

  /** The health report; a 503 still carries one, so it is returned rather than thrown. */
  get(): Observable<HealthResponse> {
    return this.http
      .get<HealthResponse>(API_ROUTES.health)
      .pipe(
        catchError((e: HttpErrorResponse) => (e.status === 503 && e.error?.checks ? of(e.error as HealthResponse) : throwError(() => e))),
      );
  }
}
