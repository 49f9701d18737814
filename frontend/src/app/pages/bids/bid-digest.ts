import type { BidInput, BidReceipt } from '@eslabon/contracts';
import { sealedBidText } from '@eslabon/domain';

/** The text the server sealed and hashed for the receipt (the shared `sealedBidText`). */
export function sealedText(
  receipt: Pick<BidReceipt, 'tenderId' | 'version' | 'nonce'>,
  supplierOrganizationId: string,
  content: BidInput,
): string {
  return sealedBidText({
    tenderId: receipt.tenderId,
    supplierOrganizationId,
    version: receipt.version,
    nonce: receipt.nonce,
    lots: content.lots,
    claims: content.claims,
    plural: content.plural,
    documents: content.documents ?? [],
  });
}

export async function sha256Hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Recomputes a receipt's digest from the content this browser kept. */
export function bidDigest(
  receipt: Pick<BidReceipt, 'tenderId' | 'version' | 'nonce'>,
  supplierOrganizationId: string,
  content: BidInput,
): Promise<string> {
  return sha256Hex(sealedText(receipt, supplierOrganizationId, content));
}
