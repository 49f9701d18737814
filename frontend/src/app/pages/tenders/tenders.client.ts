import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AmendmentInput,
  LotMatchCount,
  LotMatchQuery,
  MipymeRequestView,
  QuestionInput,
  QuestionView,
  SearchSuggestion,
  TenderDocumentView,
  TenderInput,
  TenderListQuery,
  TenderPage,
  TenderSearchQuery,
  TenderSearchResult,
  TenderVersionView,
  TenderView,
  TerritorialLimitationInput,
  TransitionInput,
} from '@eslabon/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/api/query-params';

const API = '/api/v1';
const tender = (tenderId: string) => `${API}/tenders/${tenderId}`;
const published = (tenderId: string) => `${API}/public/tenders/${tenderId}`;

/** Calls of the tenders API: the buyer's own processes, the public call, and what suppliers do on it. */
@Injectable({ providedIn: 'root' })
export class TendersClient {
  private readonly http = inject(HttpClient);

  mine(organizationId: string, query: TenderListQuery): Observable<TenderPage> {
    return this.http.get<TenderPage>(`${API}/buyers/${organizationId}/tenders`, { params: queryParams(query) });
  }

  create(organizationId: string, input: TenderInput): Observable<TenderView> {
    return this.http.post<TenderView>(`${API}/buyers/${organizationId}/tenders`, input);
  }

  /** The owner's view, drafts included. */
  get(tenderId: string): Observable<TenderView> {
    return this.http.get<TenderView>(tender(tenderId));
  }

  update(tenderId: string, input: TenderInput): Observable<TenderView> {
    return this.http.put<TenderView>(tender(tenderId), input);
  }

  transition(tenderId: string, input: TransitionInput): Observable<TenderView> {
    return this.http.post<TenderView>(`${tender(tenderId)}/transitions`, input);
  }

  amend(tenderId: string, input: AmendmentInput): Observable<TenderView> {
    return this.http.post<TenderView>(`${tender(tenderId)}/amendments`, input);
  }

  /** Multipart upload; the browser sets the boundary. */
  uploadDocument(tenderId: string, name: string, file: File): Observable<TenderDocumentView> {
    const body = new FormData();
    body.append('name', name);
    body.append('file', file, file.name);
    return this.http.post<TenderDocumentView>(`${tender(tenderId)}/documents`, body);
  }

  mipymeRequests(tenderId: string): Observable<MipymeRequestView[]> {
    return this.http.get<MipymeRequestView[]>(`${tender(tenderId)}/mipyme-requests`);
  }

  limitTerritory(tenderId: string, input: TerritorialLimitationInput): Observable<TenderView> {
    return this.http.put<TenderView>(`${tender(tenderId)}/territorial-limitation`, input);
  }

  /** One count per lot, in the order asked. */
  lotMatchCounts(lots: LotMatchQuery[]): Observable<LotMatchCount[]> {
    return this.http.post<LotMatchCount[]>(`${API}/tenders/lot-match-counts`, { lots });
  }

  answer(tenderId: string, questionId: string, answer: string): Observable<QuestionView> {
    return this.http.post<QuestionView>(`${tender(tenderId)}/questions/${questionId}/answer`, { answer });
  }

  /** Published tenders found by words and filters, with facet counts; filters left out mean "any". */
  search(query: TenderSearchQuery): Observable<TenderSearchResult> {
    return this.http.get<TenderSearchResult>(`${API}/public/tenders`, { params: queryParams(query) });
  }

  /** Tender titles and UNSPSC classes for what has been typed (at least SUGGESTION_MIN_LENGTH characters). */
  suggestions(q: string): Observable<SearchSuggestion[]> {
    return this.http.get<SearchSuggestion[]>(`${API}/public/tenders/suggestions`, { params: { q } });
  }

  publicView(tenderId: string): Observable<TenderView> {
    return this.http.get<TenderView>(published(tenderId));
  }

  questions(tenderId: string): Observable<QuestionView[]> {
    return this.http.get<QuestionView[]>(`${published(tenderId)}/questions`);
  }

  versions(tenderId: string): Observable<TenderVersionView[]> {
    return this.http.get<TenderVersionView[]>(`${published(tenderId)}/versions`);
  }

  /** Where the browser downloads a document of the tender. */
  documentUrl(tenderId: string, documentId: string): string {
    return `${published(tenderId)}/documents/${documentId}`;
  }

  ask(tenderId: string, question: QuestionInput): Observable<QuestionView> {
    return this.http.post<QuestionView>(`${tender(tenderId)}/questions`, question);
  }

  follow(tenderId: string, following: boolean): Observable<void> {
    const url = `${tender(tenderId)}/follow`;
    return following ? this.http.put<void>(url, {}) : this.http.delete<void>(url);
  }

  requestLimitation(tenderId: string, documentIds: string[]): Observable<MipymeRequestView> {
    return this.http.post<MipymeRequestView>(`${tender(tenderId)}/mipyme-requests`, { documentIds });
  }
}
