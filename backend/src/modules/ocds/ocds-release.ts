import type { TenderStatus } from '@eslabon/contracts';
import type { Award } from '../awards/award.entities';
import { isClosed, type OcdsSource } from './ocds-source';

/**
 * The mapping of an Eslabón contracting process to OCDS 1.1 (../shared/domain/OCDS.md), as a pure
 * function of its public record. Sealed information stays out: no bid before closing, never a bid's
 * price or documents, no asker of a question, no person's identity number or contact.
 */
export type OcdsTag =
  | 'planning'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'contract'
  | 'contractTermination'
  | 'compiled';

export type OcdsRelease = Record<string, unknown> & { ocid: string; id: string; date: string; tag: OcdsTag[] };

export interface OcdsPublisher {
  prefix: string;
  name: string;
  publicUrl: string;
}

/** Extensions used, declared in every package (OCDS.md: they need not be fetched to validate against the core schema). */
export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_partyDetails_scale_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_organizationClassification_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_otherRequirements_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_suitability_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json',
];

export const ocidOf = (prefix: string, tenderId: string) => `${prefix}-${tenderId}`;

export const publisherOf = (config: { ocdsPrefix: string; ocdsPublisher: string; publicUrl: string }): OcdsPublisher => ({
  prefix: config.ocdsPrefix,
  name: config.ocdsPublisher,
  publicUrl: config.publicUrl,
});

const TENDER_STATUS: Record<TenderStatus, string> = {
  draft: 'planning',
  published_draft: 'planning',
  open: 'active',
  closed: 'active',
  under_evaluation: 'active',
  awarded: 'complete',
  void: 'unsuccessful',
  cancelled: 'cancelled',
};

/** Ley 80 / 1150 modalities: every public call is open; contratación directa is direct. */
const procurementMethod = (modality: string) => (modality === 'contratacion_directa' ? 'direct' : 'open');

/** UNSPSC segments 70–94 are services, 72 and 95 construction works; the rest goods. */
function category(segment: string | undefined): 'goods' | 'works' | 'services' {
  const n = Number(segment ?? 0);
  if (n === 72 || n === 95) return 'works';
  return n >= 70 && n <= 94 ? 'services' : 'goods';
}

/** partyDetails_scale: micro | sme | large; Eslabón keeps pequeña and mediana apart internally. */
const scaleOf = (size: string | null | undefined) => (size === 'micro' ? 'micro' : size === 'grande' ? 'large' : size ? 'sme' : undefined);

const cop = (amount: string | null) => (amount === null ? undefined : { amount: Number(amount), currency: 'COP' });
/** A Bogotá calendar day as the instant it starts there. */
const dayStart = (day: string | undefined) => (day ? `${day}T00:00:00-05:00` : undefined);
const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/** Drops undefined, null, empty strings, arrays and objects (OCDS: no empty fields). */
export function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune).filter((v) => !isEmpty(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (!isEmpty(p)) out[k] = p;
    }
    return out as T;
  }
  return value;
}

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function parties(s: OcdsSource): Record<string, unknown>[] {
  const bidders = new Set(s.bids.map((b) => b.supplierOrganizationId));
  const winners = new Set(s.awards.flatMap((a) => (a.outcome === 'awarded' && a.supplierOrganizationId ? [a.supplierOrganizationId] : [])));
  const buyer = {
    id: s.buyer.id,
    name: s.buyer.name,
    identifier: s.buyerProfile ? { scheme: 'CO-RUE', id: s.buyerProfile.nit, legalName: s.buyer.name } : undefined,
    address: s.buyerProfile
      ? { region: s.buyerProfile.departmentCode, locality: s.buyerProfile.municipality, countryName: 'Colombia' }
      : undefined,
    roles: ['buyer', 'procuringEntity'],
  };
  const suppliers = [...s.suppliers.values()].map(({ organization: o, profile: p }) => {
    const bid = s.bids.find((b) => b.supplierOrganizationId === o.id);
    const award = s.awards.find((a) => a.supplierOrganizationId === o.id);
    const classifications = [
      p?.supplierType === 'economia_popular' || p?.supplierType === 'cooperative'
        ? {
            scheme: 'ESLABON-SUPPLIER-TYPE',
            id: p.supplierType,
            description: p.supplierType === 'cooperative' ? 'Cooperativa' : 'Economía popular',
          }
        : undefined,
      bid?.bidderFacts.womenLed
        ? { scheme: 'ESLABON-WOMEN-LED', id: 'women_led', description: 'Emprendimiento o empresa de mujeres' }
        : undefined,
    ];
    return {
      id: o.id,
      name: p?.legalName ?? o.name,
      // A natural person's NIT is their identity number: personal data, not published.
      identifier:
        p?.nit && p.personType === 'legal' ? { scheme: 'CO-RUE', id: `${p.nit}${p.checkDigit ?? ''}`, legalName: p.legalName } : undefined,
      address: p ? { region: p.domicileDepartment, locality: p.domicileMunicipality, countryName: 'Colombia' } : undefined,
      roles: [bidders.has(o.id) ? 'tenderer' : undefined, winners.has(o.id) ? 'supplier' : undefined],
      details: { scale: scaleOf(award?.sizeClass ?? bid?.bidderFacts.sizeClass), classifications },
    };
  });
  return [buyer, ...suppliers];
}

function lotStatus(s: OcdsSource, lotId: string): string {
  const award = s.awards.find((a) => a.lotId === lotId);
  if (award) return award.outcome === 'awarded' ? 'complete' : 'unsuccessful';
  if (s.tender.status === 'cancelled') return 'cancelled';
  if (s.tender.status === 'void') return 'unsuccessful';
  return s.tender.status === 'published_draft' ? 'planning' : 'active';
}

function tender(s: OcdsSource, publicUrl: string): Record<string, unknown> {
  const t = s.tender;
  const closed = isClosed(t);
  const tenderers = new Set(s.bids.map((b) => b.supplierOrganizationId));
  const decidedAt = s.awards.length ? s.awards[s.awards.length - 1].decidedAt : null;
  return {
    id: t.reference,
    title: t.title,
    description: t.description,
    status: TENDER_STATUS[t.status],
    value: cop(t.estimatedValueCop),
    procurementMethod: procurementMethod(t.modality),
    procurementMethodDetails: t.modality,
    mainProcurementCategory: category(s.lots[0]?.unspscClasses[0]?.slice(0, 2)),
    submissionMethod: ['electronicSubmission'],
    tenderPeriod: { startDate: dayStart(t.schedule.opening), endDate: iso(t.closingAt) },
    enquiryPeriod: { startDate: dayStart(t.schedule.opening), endDate: dayStart(t.schedule.questionsDeadline) },
    awardPeriod: { startDate: iso(t.closedAt), endDate: iso(decidedAt) },
    numberOfTenderers: closed ? tenderers.size : undefined,
    otherRequirements: t.limitation?.limited ? { reservedParticipation: ['mipyme'] } : undefined,
    items: s.lots.flatMap((lot) =>
      lot.unspscClasses.map((code, i) => ({
        id: `${lot.position}-${i + 1}`,
        description: lot.title,
        classification: { scheme: 'UNSPSC', id: code, description: s.classNames.get(code) },
        quantity: Number(lot.quantity),
        unit: { name: lot.unit },
        relatedLot: lot.id,
      })),
    ),
    lots: s.lots.map((lot) => ({
      id: lot.id,
      title: lot.title,
      description: lot.description,
      status: lotStatus(s, lot.id),
      value: cop(lot.estimatedValueCop),
      suitability: lot.reservedForMipymes ? { sme: true } : undefined,
      otherRequirements:
        lot.reservedForMipymes || lot.reservedForEconomiaPopular
          ? {
              reservedParticipation: [
                lot.reservedForMipymes ? 'mipyme' : undefined,
                lot.reservedForEconomiaPopular ? 'economiaPopular' : undefined,
              ],
            }
          : undefined,
    })),
    documents: s.documents.map((d) => ({
      id: d.id,
      documentType: 'biddingDocuments',
      title: d.name,
      url: `${publicUrl}/api/v1/public/tenders/${t.id}/documents/${d.id}`,
      datePublished: iso(d.uploadedAt),
      format: d.contentType,
    })),
    amendments: s.adendas.map((v) => ({
      id: `adenda-${v.number}`,
      date: iso(v.createdAt),
      rationale: v.reason,
      description: v.changes.map((c) => c.path).join(', '),
    })),
    enquiries: s.enquiries.map((q) => ({
      id: q.id,
      date: iso(q.askedAt),
      description: q.text,
      answer: q.answer,
      dateAnswered: iso(q.answeredAt),
      relatedLot: q.lotId,
    })),
  };
}

function bids(s: OcdsSource): Record<string, unknown> | undefined {
  if (!isClosed(s.tender)) return undefined;
  const perLot = s.lots.map((lot) => {
    const onLot = s.bids.filter((b) => b.lotIds.includes(lot.id));
    return [
      { id: `${lot.position}-bids`, measure: 'bids', value: onLot.length, relatedLot: lot.id },
      { id: `${lot.position}-smeBids`, measure: 'smeBids', value: onLot.filter((b) => b.bidderFacts.mipyme).length, relatedLot: lot.id },
    ];
  });
  return {
    statistics: [
      { id: 'bids', measure: 'bids', value: s.bids.length },
      { id: 'smeBids', measure: 'smeBids', value: s.bids.filter((b) => b.bidderFacts.mipyme).length },
      ...perLot.flat(),
    ],
    details: s.bids.map((b) => ({
      id: b.id,
      date: iso(b.submittedAt),
      status: 'valid',
      tenderers: [{ id: b.supplierOrganizationId, name: partyName(s, b.supplierOrganizationId) }],
      relatedLots: b.lotIds,
    })),
  };
}

const partyName = (s: OcdsSource, id: string) => {
  const found = s.suppliers.get(id);
  return found?.profile?.legalName ?? found?.organization.name ?? id;
};

function award(s: OcdsSource, a: Award): Record<string, unknown> {
  return {
    id: a.id,
    status: a.outcome === 'awarded' ? 'active' : 'unsuccessful',
    date: iso(a.decidedAt),
    description: a.outcome === 'void' ? a.reason : undefined,
    value: cop(a.valueCop),
    suppliers: a.supplierOrganizationId ? [{ id: a.supplierOrganizationId, name: partyName(s, a.supplierOrganizationId) }] : undefined,
    relatedLots: [a.lotId],
    relatedBids: a.bidId ? [a.bidId] : undefined,
  };
}

/** One release: the process as it stands, tagged with the event that made it. */
export function buildRelease(s: OcdsSource, meta: { id: string; date: Date; tag: OcdsTag[] }, publisher: OcdsPublisher): OcdsRelease {
  const t = s.tender;
  const release = {
    ocid: ocidOf(publisher.prefix, t.id),
    id: meta.id,
    date: meta.date.toISOString(),
    tag: meta.tag,
    initiationType: 'tender',
    language: 'es',
    parties: parties(s),
    buyer: { id: s.buyer.id, name: s.buyer.name },
    tender: tender(s, publisher.publicUrl),
    bids: bids(s),
    awards: s.awards.map((a) => award(s, a)),
    contracts: s.contracts.map((c) => ({
      id: c.id,
      awardID: c.awardId,
      status: c.status === 'active' ? 'active' : 'terminated',
      period: { startDate: dayStart(c.startDate), endDate: dayStart(c.endDate) },
      value: cop(c.valueCop),
      dateSigned: iso(c.createdAt),
      description: c.terminationReason ?? undefined,
    })),
  };
  return prune(release) as OcdsRelease;
}

/** Tags of the release an event makes (OCDS.md "Tags we emit"). */
export function tagsFor(event: string, payload: { status?: string }, s: OcdsSource): OcdsTag[] {
  switch (event) {
    case 'tender.published':
      // A proyecto de pliego is a process still being planned; mínima cuantía opens straight away.
      return [payload.status === 'published_draft' ? 'planning' : 'tender'];
    case 'tender.opened':
      return ['tender'];
    case 'tender.amended':
      return ['tenderAmendment'];
    case 'tender.cancelled':
      return ['tenderCancellation'];
    case 'tender.awarded':
      return s.contracts.length ? ['award', 'contract'] : ['award'];
    case 'tender.voided':
      return s.awards.length ? ['tenderUpdate', 'award'] : ['tenderUpdate'];
    case 'contract.closed':
      return ['contractTermination'];
    default:
      return ['tenderUpdate'];
  }
}
