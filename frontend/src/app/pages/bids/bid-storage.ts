import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import type { BidInput, BidReceipt } from '@eslabon/contracts';
import type { BidDraft } from './bid-form';

/** What this browser sealed: the content the server will not show before closing, with the receipt that proves it. */
export interface SealedBid {
  supplierOrganizationId: string;
  receipt: BidReceipt;
  content: BidInput;
}

const key = (kind: 'draft' | 'sealed', organizationId: string, tenderId: string) => `eslabon.bid.${kind}.${organizationId}.${tenderId}`;

/**
 * The bid's draft and sealed content, kept in this browser per organization and tender: the API never
 * returns a bid's prices before closing, not even to the bidder.
 */
@Injectable({ providedIn: 'root' })
export class BidStorage {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;

  /** The draft as typed, with the documents already uploaded (a draft from before documents has none). */
  draft(organizationId: string, tenderId: string): BidDraft | null {
    const draft = this.read<BidDraft>(key('draft', organizationId, tenderId));
    // Anything else under the key (an older shape, a hand edit) is no draft.
    return draft && Array.isArray(draft.lots) && draft.claims && Array.isArray(draft.plural?.members) ? draft : null;
  }

  saveDraft(organizationId: string, tenderId: string, draft: BidDraft): boolean {
    return this.write(key('draft', organizationId, tenderId), draft);
  }

  sealed(organizationId: string, tenderId: string): SealedBid | null {
    const sealed = this.read<SealedBid>(key('sealed', organizationId, tenderId));
    // Content sealed before bids had documents lists none.
    const documents = sealed?.content?.documents;
    return sealed?.receipt && Array.isArray(sealed.content?.lots) && (documents === undefined || Array.isArray(documents)) ? sealed : null;
  }

  /** False when the browser would not keep it (storage full or disabled): the page must say so. */
  saveSealed(sealed: SealedBid): boolean {
    return this.write(key('sealed', sealed.supplierOrganizationId, sealed.receipt.tenderId), sealed);
  }

  private read<T>(name: string): T | null {
    try {
      const text = this.storage?.getItem(name);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null;
    }
  }

  private write(name: string, value: unknown): boolean {
    try {
      this.storage?.setItem(name, JSON.stringify(value));
      return !!this.storage;
    } catch {
      return false;
    }
  }
}
