/**
 * Who may bid on what (Ley 2069 de 2020 arts. 30–34, Decreto 1860 de 2021; RULES.md §2, §7): a call
 * limited to mipymes takes offers only from mipymes (cooperatives count, art. 23), further limited to
 * those domiciled where the work is done when the buyer chose so; a lot reserved for mipymes or for the
 * economía popular only from them; a lot limited to places only from suppliers domiciled there.
 */
export interface BidderFacts {
  mipyme: boolean;
  economiaPopular: boolean;
  /** DIVIPOLA municipality of the domicile (5 digits), null when unknown. */
  domicileMunicipality: string | null;
}

export interface LotRestrictions {
  reservedForMipymes: boolean;
  reservedForEconomiaPopular: boolean;
  territorialLimitation: { scope: 'department' | 'municipality'; codes: readonly string[] } | null;
}

export interface CallRestrictions {
  limitedToMipymes: boolean;
  territorial: { scope: 'department' | 'municipality'; codes: readonly string[] } | null;
}

export type BidRefusal =
  'call_limited_to_mipymes' | 'call_limited_territory' | 'lot_reserved_mipymes' | 'lot_reserved_economia_popular' | 'lot_territory';

function domiciledIn(place: { scope: 'department' | 'municipality'; codes: readonly string[] }, municipality: string | null): boolean {
  if (!municipality) return false;
  return place.codes.includes(place.scope === 'department' ? municipality.slice(0, 2) : municipality);
}

/** Why this bidder may not offer on the call as a whole; empty when it may. */
export function callRefusals(call: CallRestrictions, bidder: BidderFacts): BidRefusal[] {
  if (!call.limitedToMipymes) return [];
  if (!bidder.mipyme) return ['call_limited_to_mipymes'];
  return call.territorial && !domiciledIn(call.territorial, bidder.domicileMunicipality) ? ['call_limited_territory'] : [];
}

/** Why this bidder may not offer on one lot; empty when it may. */
export function lotRefusals(lot: LotRestrictions, bidder: BidderFacts): BidRefusal[] {
  const refusals: BidRefusal[] = [];
  if (lot.reservedForMipymes && !bidder.mipyme) refusals.push('lot_reserved_mipymes');
  if (lot.reservedForEconomiaPopular && !bidder.economiaPopular) refusals.push('lot_reserved_economia_popular');
  if (lot.territorialLimitation && !domiciledIn(lot.territorialLimitation, bidder.domicileMunicipality)) refusals.push('lot_territory');
  return refusals;
}

/**
 * The canonical JSON of a value: object keys sorted at every depth, no spaces. The digest of a bid is
 * taken over it, so anyone holding the same content computes the same SHA-256.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a bid seals and its receipt digests: who, which version, the nonce, and the offer. */
export interface SealedBid<L extends { lotId: string }, D extends { documentId: string }> {
  tenderId: string;
  supplierOrganizationId: string;
  version: number;
  nonce: string;
  lots: readonly L[];
  claims: unknown;
  plural: unknown;
  documents?: readonly D[];
  withdrawn?: true;
}

/**
 * The exact text sealed and hashed for a bid: lots in lot-id order and documents in document-id order
 * (compared as code units, the same on every machine), as canonical JSON. The API and the receipt page
 * both call this, so a supplier's browser recomputes the digest the server stated.
 */
export function sealedBidText<L extends { lotId: string }, D extends { documentId: string }>(bid: SealedBid<L, D>): string {
  const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return canonicalJson({
    ...bid,
    lots: [...bid.lots].sort((a, b) => byUnits(a.lotId, b.lotId)),
    ...(bid.documents ? { documents: [...bid.documents].sort((a, b) => byUnits(a.documentId, b.documentId)) } : {}),
  });
}
