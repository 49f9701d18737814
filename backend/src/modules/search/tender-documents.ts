import type { Reservation } from '@eslabon/contracts';
import { EntityManager, In, Not } from 'typeorm';
import { Tender } from '../tenders/tender.entities';
import { lotsOf } from '../tenders/tender-views';
import { TenderSearchDocument } from './search-engine';

/**
 * The search documents of these tenders, from the database as it is now; drafts have none (they are
 * not public), so a missing id means "remove from the index".
 */
export async function tenderDocuments(em: EntityManager, tenderIds: string[]): Promise<TenderSearchDocument[]> {
  const tenders = await em.find(Tender, { where: { id: In(tenderIds), status: Not('draft') }, order: { id: 'ASC' } });
  if (tenders.length === 0) return [];
  const lots = await lotsOf(
    em,
    tenders.map((t) => t.id),
  );
  const classes = [...new Set(lots.flatMap((l) => l.unspscClasses))];
  // One after the other: `em` may be a transaction, which has a single connection.
  const names: { code: string; name: string }[] = await em.query(`SELECT code, name FROM unspsc_codes WHERE code = ANY($1)`, [classes]);
  const buyers: { id: string; name: string }[] = await em.query(`SELECT id, name FROM organizations WHERE id = ANY($1)`, [
    [...new Set(tenders.map((t) => t.buyerOrganizationId))],
  ]);
  const className = new Map(names.map((n) => [n.code, n.name]));
  const buyerName = new Map(buyers.map((b) => [b.id, b.name]));
  return tenders.map((t) => {
    const own = lots.filter((l) => l.tenderId === t.id);
    const codes = [...new Set(own.flatMap((l) => l.unspscClasses))].sort();
    const reserved: Reservation[] = [];
    // A call limited to mipymes (Decreto 1860 de 2021) is reserved for them as a whole.
    if (t.limitation?.limited || own.some((l) => l.reservedForMipymes)) reserved.push('mipymes');
    if (own.some((l) => l.reservedForEconomiaPopular)) reserved.push('economia_popular');
    return {
      id: t.id,
      reference: t.reference,
      title: t.title,
      description: t.description,
      buyerName: buyerName.get(t.buyerOrganizationId) ?? '',
      lotTitles: own.map((l) => l.title),
      unspscNames: codes.map((c) => className.get(c)).filter((n): n is string => !!n),
      unspscCodes: [...new Set(codes.flatMap((c) => [c, c.slice(0, 4), c.slice(0, 2)]))].sort(),
      segments: [...new Set(codes.map((c) => c.slice(0, 2)))].sort(),
      modality: t.modality,
      status: t.status as TenderSearchDocument['status'],
      productiveBet: t.productiveBet,
      department: t.executionDepartment,
      municipality: t.executionMunicipality,
      estimatedValueCop: t.estimatedValueCop,
      closingAt: t.closingAt.toISOString(),
      publishedAt: t.publishedAt?.toISOString() ?? null,
      reserved,
    };
  });
}
