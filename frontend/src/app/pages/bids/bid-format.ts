import { Pipe, PipeTransform, inject } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { BidReceipt } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { TenderErrorPipe, tenderErrorMessage } from '../tenders/tender-format';

/** The words for a refusal: the bids catalog first (its own codes), then the tenders and shared ones. */
export function bidErrorMessage(i18n: I18n, code: string | undefined): string {
  const key = `bids.errors.${code}`;
  return i18n.has(key) ? i18n.t(key) : tenderErrorMessage(i18n, code);
}

/** TenderErrorPipe, with the words of the bid rules' codes first. */
@Pipe({ name: 'bidError', pure: false })
export class BidErrorPipe extends TenderErrorPipe implements PipeTransform {
  // The base classes keep their I18n private.
  private readonly words = inject(I18n);

  override transform(control: AbstractControl | null): string {
    const code: unknown = control?.errors?.['server'];
    const key = `bids.errors.${code}`;
    return typeof code === 'string' && this.words.has(key) ? this.words.t(key) : super.transform(control);
  }
}

/** "Presentada", "Retirada", or "Requiere reconfirmación" when an adenda left a submitted bid out of the evaluation. */
export function bidStateLabel(i18n: I18n, receipt: Pick<BidReceipt, 'status' | 'needsReconfirmation'>): string {
  if (receipt.status === 'submitted' && receipt.needsReconfirmation) return i18n.t('bids.states.needsReconfirmation');
  return i18n.t(`bids.states.${receipt.status}`);
}

/** An instant as the UTC clock shows it, `2026-03-10 15:04:05 UTC`: the server's own clock, for the record. */
export function formatUtc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A file's size as people read it: "240 KB", "1,5 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The start of a SHA-256, enough to tell two files apart on screen; the full hash is sealed. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);

/** "240 KB · SHA-256 9f86d081884c…", without the size when it is not known. */
export function documentFacts(i18n: I18n, sizeBytes: number | null, sha256: string): string {
  const hash = i18n.t('bids.documents.hash', { hash: shortHash(sha256) });
  return sizeBytes === null ? hash : `${formatFileSize(sizeBytes, i18n.locale())} · ${hash}`;
}
