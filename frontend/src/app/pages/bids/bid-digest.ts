import type { BidInput, BidReceipt } from '@eslabon/contracts';
import { canonicalJson } from '@eslabon/domain';

/**
 * The text the server hashed for the receipt: the content with who bid, which version and the nonce,
 * lots in lot-id order (compared as the API compares them), as canonical JSON.
 */
export function sealedText(
  receipt: Pick<BidReceipt, 'tenderId' | 'version' | 'nonce'>,
  supplierOrganizationId: string,
  content: BidInput,
): string {
  const lots = [...content.lots].sort((a, b) => a.lotId.localeCompare(b.lotId));
  return canonicalJson({
    tenderId: receipt.tenderId,
    supplierOrganizationId,
    version: receipt.version,
    nonce: receipt.nonce,
    lots,
    claims: content.claims,
    plural: content.plural,
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
