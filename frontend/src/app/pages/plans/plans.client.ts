import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PlanLineInput, PlanLinePage, PlanLineQuery, PlanLineView } from '@eslabon/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/api/query-params';

const API = '/api/v1';
const planLine = (planLineId: string) => `${API}/plan-lines/${planLineId}`;

/** Calls of the procurement-plan API: the buyer's own lines, the published plans, and suppliers' interest. */
@Injectable({ providedIn: 'root' })
export class PlansClient {
  private readonly http = inject(HttpClient);

  /** The buyer's lines of one year, drafts included. */
  lines(organizationId: string, year: number): Observable<PlanLineView[]> {
    return this.http.get<PlanLineView[]>(`${API}/buyers/${organizationId}/plan-lines`, { params: { year } });
  }

  create(organizationId: string, input: PlanLineInput): Observable<PlanLineView> {
    return this.http.post<PlanLineView>(`${API}/buyers/${organizationId}/plan-lines`, input);
  }

  update(planLineId: string, input: PlanLineInput): Observable<PlanLineView> {
    return this.http.put<PlanLineView>(planLine(planLineId), input);
  }

  publish(planLineId: string): Observable<PlanLineView> {
    return this.http.post<PlanLineView>(`${planLine(planLineId)}/publish`, {});
  }

  /** Drafts only; a published line answers 409 `plan_line_published`. */
  remove(planLineId: string): Observable<void> {
    return this.http.delete<void>(planLine(planLineId));
  }

  /** Filters left empty are not sent: they mean "any". */
  published(query: PlanLineQuery): Observable<PlanLinePage> {
    return this.http.get<PlanLinePage>(`${API}/public/plan-lines`, { params: queryParams(query) });
  }

  /** Marking twice, or unmarking a line never marked, changes nothing. */
  setInterest(planLineId: string, interested: boolean): Observable<void> {
    const url = `${planLine(planLineId)}/interest`;
    return interested ? this.http.put<void>(url, {}) : this.http.delete<void>(url);
  }
}
