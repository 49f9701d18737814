import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BidDocumentUpload, BidEnvelope, BidInput, BidReceipt, MyBidView } from '@eslabon/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';
const bid = (tenderId: string) => `${API}/tenders/${tenderId}/bid`;

/** A fresh Idempotency-Key: a UUID fits the API's 8–100 characters of letters, digits and dashes. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/**
 * Calls of the sealed-bids API for the signed-in supplier organization. None returns the bid's prices:
 * before closing the server keeps them sealed even from the bidder.
 */
@Injectable({ providedIn: 'root' })
export class BidsClient {
  private readonly http = inject(HttpClient);

  /** Submits or replaces the bid; the same key returns the receipt the first attempt earned. */
  submit(tenderId: string, input: BidInput, idempotencyKey: string): Observable<BidReceipt> {
    return this.http.put<BidReceipt>(bid(tenderId), input, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /**
   * Uploads one file to an envelope of the bid, as multipart (the browser sets the boundary). The server
   * encrypts it and never gives it back to the bidder: the bid then lists it by the answered id and hash.
   */
  uploadDocument(tenderId: string, envelope: BidEnvelope, file: File): Observable<BidDocumentUpload> {
    const body = new FormData();
    body.append('envelope', envelope);
    body.append('file', file, file.name);
    return this.http.post<BidDocumentUpload>(`${bid(tenderId)}/documents`, body);
  }

  /** The organization's receipt; 404 when it has no bid on the tender. */
  receipt(tenderId: string): Observable<BidReceipt> {
    return this.http.get<BidReceipt>(bid(tenderId));
  }

  withdraw(tenderId: string, idempotencyKey: string): Observable<BidReceipt> {
    return this.http.delete<BidReceipt>(bid(tenderId), { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /** The organization's bids, newest first. */
  mine(): Observable<MyBidView[]> {
    return this.http.get<MyBidView[]>(`${API}/bids`);
  }
}
