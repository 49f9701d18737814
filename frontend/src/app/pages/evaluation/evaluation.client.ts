import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AwardInput,
  AwardView,
  BidCount,
  BidReviewInput,
  ClosingRecord,
  CommitteeInput,
  CommitteeMember,
  ContractCloseInput,
  ContractView,
  EvaluationReport,
  EvaluationWorkspace,
  ObservationInput,
  ObservationView,
  OpenedBid,
  PublishReportInput,
} from '@eslabon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';
const tender = (tenderId: string) => `${API}/tenders/${tenderId}`;
const evaluation = (tenderId: string) => `${tender(tenderId)}/evaluation`;

/** Calls of the opening, evaluation and award API: the committee's work, the public report and awards, and contracts. */
@Injectable({ providedIn: 'root' })
export class EvaluationClient {
  private readonly http = inject(HttpClient);

  /** All the buyer may know of the bids before closing. */
  bidCount(tenderId: string): Observable<BidCount> {
    return this.http.get<BidCount>(`${tender(tenderId)}/bids/count`);
  }

  closingRecord(tenderId: string): Observable<ClosingRecord> {
    return this.http.get<ClosingRecord>(`${tender(tenderId)}/closing-record`);
  }

  committee(tenderId: string): Observable<CommitteeMember[]> {
    return this.http.get<CommitteeMember[]>(`${tender(tenderId)}/committee`);
  }

  setCommittee(tenderId: string, input: CommitteeInput): Observable<CommitteeMember[]> {
    return this.http.put<CommitteeMember[]>(`${tender(tenderId)}/committee`, input);
  }

  workspace(tenderId: string): Observable<EvaluationWorkspace> {
    return this.http.get<EvaluationWorkspace>(evaluation(tenderId));
  }

  review(tenderId: string, bidId: string, input: BidReviewInput): Observable<OpenedBid> {
    return this.http.put<OpenedBid>(`${evaluation(tenderId)}/bids/${bidId}`, input);
  }

  /** Where the browser downloads a document of an opened bid (the session cookie authorizes it; the server names the file). */
  bidDocumentUrl(tenderId: string, bidId: string, documentId: string): string {
    return `${evaluation(tenderId)}/bids/${bidId}/documents/${documentId}`;
  }

  publishReport(tenderId: string, input: PublishReportInput): Observable<EvaluationReport> {
    return this.http.post<EvaluationReport>(`${evaluation(tenderId)}/report`, input);
  }

  report(tenderId: string): Observable<EvaluationReport> {
    return this.http.get<EvaluationReport>(`${evaluation(tenderId)}/report`);
  }

  observe(tenderId: string, input: ObservationInput): Observable<ObservationView> {
    return this.http.post<ObservationView>(`${evaluation(tenderId)}/observations`, input);
  }

  answer(tenderId: string, observationId: string, answer: string): Observable<ObservationView> {
    return this.http.put<ObservationView>(`${evaluation(tenderId)}/observations/${observationId}/answer`, { answer });
  }

  award(tenderId: string, input: AwardInput): Observable<AwardView[]> {
    return this.http.post<AwardView[]>(`${tender(tenderId)}/awards`, input);
  }

  awards(tenderId: string): Observable<AwardView[]> {
    return this.http.get<AwardView[]>(`${tender(tenderId)}/awards`);
  }

  closeContract(contractId: string, input: ContractCloseInput): Observable<ContractView> {
    return this.http.post<ContractView>(`${API}/contracts/${contractId}/close`, input);
  }
}
