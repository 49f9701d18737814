import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BuyerProfileInput, BuyerProfileView } from '@eslabon/contracts';
import { Observable } from 'rxjs';

/** The buyer profile of a state entity or company. */
@Injectable({ providedIn: 'root' })
export class BuyerProfileClient {
  private readonly http = inject(HttpClient);

  /** Fails with code `profile_not_found` (404) until the profile is first saved. */
  profile(organizationId: string): Observable<BuyerProfileView> {
    return this.http.get<BuyerProfileView>(`/api/v1/buyers/${organizationId}/profile`);
  }

  save(organizationId: string, profile: BuyerProfileInput): Observable<BuyerProfileView> {
    return this.http.put<BuyerProfileView>(`/api/v1/buyers/${organizationId}/profile`, profile);
  }
}
