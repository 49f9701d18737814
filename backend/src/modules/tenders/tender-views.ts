import type {
  LotInput,
  LotView,
  MipymeLimitationView,
  TenderDocumentView,
  TenderInput,
  TenderSummary,
  TenderView,
} from '@eslabon/contracts';
import { allowedBuyerTransitions, susceptibleToLimitation } from '@eslabon/domain';
import type { EntityManager } from 'typeorm';
import { bogotaToday } from '../../core/time/bogota';
import { Tender, TenderDocument, TenderLot } from './tender.entities';

/** The terms of a tender as the buyer wrote them: what versions snapshot and adendas compare. */
export function termsOf(tender: Tender, lots: TenderLot[]): TenderInput {
  return {
    title: tender.title,
    description: tender.description,
    modality: tender.modality,
    productiveBet: tender.productiveBet,
    executionDepartment: tender.executionDepartment,
    executionMunicipality: tender.executionMunicipality,
    estimatedValueCop: tender.estimatedValueCop,
    schedule: tender.schedule,
    closingTime: tender.closingTime,
    criteria: tender.criteria,
    lots: lots.map(lotTerms),
  };
}

function lotTerms(lot: TenderLot): LotInput {
  return {
    title: lot.title,
    description: lot.description,
    unspscClasses: lot.unspscClasses,
    quantity: lot.quantity,
    unit: lot.unit,
    estimatedValueCop: lot.estimatedValueCop,
    reservedForMipymes: lot.reservedForMipymes,
    reservedForEconomiaPopular: lot.reservedForEconomiaPopular,
    territorialLimitation: lot.territorialLimitation,
    nationalComponentMinPercent: lot.nationalComponentMinPercent,
  };
}

export function lotsOf(em: EntityManager, tenderIds: string[]): Promise<TenderLot[]> {
  return em.getRepository(TenderLot).find({ where: tenderIds.map((tenderId) => ({ tenderId })), order: { position: 'ASC' } });
}

interface Place {
  departmentName: string;
  municipalityName: string | null;
}

async function placesOf(em: EntityManager, tenders: Tender[]): Promise<Map<string, Place>> {
  const rows: { id: string; department_name: string; municipality_name: string | null }[] = await em.query(
    `SELECT t.id, d.department_name, m.name AS municipality_name
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, department, municipality)
       LEFT JOIN LATERAL (SELECT department_name FROM divipola_municipalities WHERE department_code = t.department LIMIT 1) d ON true
       LEFT JOIN divipola_municipalities m ON m.code = t.municipality`,
    [tenders.map((t) => t.id), tenders.map((t) => t.executionDepartment), tenders.map((t) => t.executionMunicipality)],
  );
  return new Map(rows.map((r) => [r.id, { departmentName: r.department_name ?? '', municipalityName: r.municipality_name }]));
}

async function buyerNames(em: EntityManager, tenders: Tender[]): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = await em.query(`SELECT id, name FROM organizations WHERE id = ANY($1)`, [
    [...new Set(tenders.map((t) => t.buyerOrganizationId))],
  ]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

function summaryOf(tender: Tender, lots: TenderLot[], place: Place | undefined, buyerName: string): TenderSummary {
  return {
    id: tender.id,
    reference: tender.reference,
    title: tender.title,
    buyer: { organizationId: tender.buyerOrganizationId, name: buyerName },
    modality: tender.modality,
    status: tender.status,
    productiveBet: tender.productiveBet,
    executionDepartment: tender.executionDepartment,
    executionDepartmentName: place?.departmentName ?? '',
    executionMunicipality: tender.executionMunicipality,
    executionMunicipalityName: place?.municipalityName ?? null,
    estimatedValueCop: tender.estimatedValueCop,
    closingAt: tender.closingAt.toISOString(),
    lotCount: lots.length,
    reservedForMipymes: lots.some((l) => l.reservedForMipymes),
    reservedForEconomiaPopular: lots.some((l) => l.reservedForEconomiaPopular),
    limitedToMipymes: tender.limitation?.limited ?? false,
    publishedAt: tender.publishedAt?.toISOString() ?? null,
  };
}

export async function summaries(em: EntityManager, tenders: Tender[]): Promise<TenderSummary[]> {
  if (tenders.length === 0) return [];
  const [lots, places, names] = await Promise.all([
    lotsOf(
      em,
      tenders.map((t) => t.id),
    ),
    placesOf(em, tenders),
    buyerNames(em, tenders),
  ]);
  return tenders.map((t) =>
    summaryOf(
      t,
      lots.filter((l) => l.tenderId === t.id),
      places.get(t.id),
      names.get(t.buyerOrganizationId) ?? '',
    ),
  );
}

export interface ViewContext {
  /** The buyer's own members see the transitions they may make. */
  ownerView: boolean;
  /** A signed-in supplier's organization, for "following" and "requested". */
  supplierOrganizationId: string | null;
  threshold: { cop: number; period: string } | null;
  requestCount: number;
}

export function limitationView(
  tender: Tender,
  ctx: Pick<ViewContext, 'threshold' | 'requestCount'>,
  today = bogotaToday(),
): MipymeLimitationView {
  const susceptible = !!ctx.threshold && susceptibleToLimitation(tender.modality, Number(tender.estimatedValueCop), ctx.threshold.cop);
  const deadline = tender.schedule.mipymeRequestDeadline ?? null;
  const decision = tender.limitation;
  return {
    susceptible,
    thresholdCop: ctx.threshold ? String(ctx.threshold.cop) : null,
    thresholdPeriod: ctx.threshold?.period ?? null,
    requestDeadline: deadline,
    requestsOpen: susceptible && !decision && !!deadline && today <= deadline && ['published_draft', 'open'].includes(tender.status),
    requestCount: ctx.requestCount,
    decision: decision
      ? {
          limited: decision.limited,
          decidedAt: decision.decidedAt,
          ruleVersionId: decision.ruleVersionId,
          validRequestIds: decision.validRequestIds,
        }
      : null,
    territorial: tender.territorialLimitation,
  };
}

export function documentView(d: TenderDocument): TenderDocumentView {
  return {
    id: d.id,
    name: d.name,
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

export async function tenderView(em: EntityManager, tender: Tender, ctx: ViewContext): Promise<TenderView> {
  const lots = await lotsOf(em, [tender.id]);
  const [[summary], documents, classNames, viewer] = await Promise.all([
    summaries(em, [tender]),
    em.getRepository(TenderDocument).find({ where: { tenderId: tender.id }, order: { uploadedAt: 'ASC' } }),
    em.query(`SELECT code, name FROM unspsc_codes WHERE code = ANY($1)`, [lots.flatMap((l) => l.unspscClasses)]) as Promise<
      { code: string; name: string }[]
    >,
    ctx.supplierOrganizationId
      ? (em.query(
          `SELECT EXISTS (SELECT 1 FROM tender_followers WHERE tender_id = $1 AND organization_id = $2) AS following,
                  EXISTS (SELECT 1 FROM tender_mipyme_requests WHERE tender_id = $1 AND supplier_organization_id = $2) AS requested`,
          [tender.id, ctx.supplierOrganizationId],
        ) as Promise<{ following: boolean; requested: boolean }[]>)
      : Promise.resolve([]),
  ]);
  const names = new Map(classNames.map((c) => [c.code, c.name]));
  const lotViews: LotView[] = lots.map((lot) => ({
    ...lotTerms(lot),
    id: lot.id,
    position: lot.position,
    classes: lot.unspscClasses.map((code) => ({ code, name: names.get(code) ?? code })),
  }));
  return {
    ...summary,
    description: tender.description,
    schedule: tender.schedule,
    closingTime: tender.closingTime,
    criteria: tender.criteria,
    lots: lotViews,
    documents: documents.map(documentView),
    mipymeLimitation: limitationView(tender, ctx),
    version: tender.version,
    openedAt: tender.openedAt?.toISOString() ?? null,
    closedAt: tender.closedAt?.toISOString() ?? null,
    cancelledAt: tender.cancelledAt?.toISOString() ?? null,
    statusReason: tender.statusReason,
    allowedTransitions: ctx.ownerView ? allowedBuyerTransitions(tender.status, tender.modality) : [],
    viewer: viewer[0] ? { following: viewer[0].following, requestedLimitation: viewer[0].requested } : null,
    updatedAt: tender.updatedAt.toISOString(),
  };
}
