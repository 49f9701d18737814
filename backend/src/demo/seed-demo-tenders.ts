import {
  LIMITATION_DOCUMENTS,
  NO_CLAIMS,
  type BidInput,
  type LotInput,
  type TenderInput,
  type TenderSchedule,
  type TenderView,
} from '@eslabon/contracts';
import { ScheduleRule, addBusinessDays, bogotaInstant, defaultSchedule } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/audit/actor';
import { AuditService } from '../core/audit/audit.service';
import { DomainError } from '../core/http/domain-error';
import { OutboxService } from '../core/outbox/outbox.service';
import type { KeyWrapper } from '../core/crypto/envelope';
import type { ObjectStorage } from '../core/storage/object-storage';
import { BidDocumentsService } from '../modules/bids/bid-documents.service';
import { BidsService } from '../modules/bids/bids.service';
import { TenderKeys } from '../modules/bids/tender-keys';
import { bogotaToday } from '../core/time/bogota';
import { RuleParametersService } from '../modules/rule-parameters/rule-parameters.service';
import { SupplierDocumentsService } from '../modules/suppliers/supplier-documents.service';
import { TenderLifecycleService } from '../modules/tenders/tender-lifecycle.service';
import { TenderParticipationService } from '../modules/tenders/tender-participation.service';
import { TendersService } from '../modules/tenders/tenders.service';
import { demoBuyers, demoSuppliers } from './demo-data';
import { DemoTenderSeed } from './demo-tender-seed';
import { DEMO_TENDERS } from './demo-tenders';
import { DemoDecisions, decidedSchedule, decisionDay } from './seed-demo-decisions';

/** A one-page PDF standing in for the certificates a mipyme attaches to its request. */
const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A seed's terms, with the schedule the caller computed for its status. */
export function demoTenderInput(seed: DemoTenderSeed, schedule: TenderInput['schedule']): TenderInput {
  const lots: LotInput[] = seed.lots.map((l) => ({
    title: l.title,
    description: '',
    unspscClasses: l.classes,
    quantity: String(l.quantity),
    unit: l.unit,
    estimatedValueCop: String(l.millions * 1_000_000),
    reservedForMipymes: l.mipymes ?? false,
    reservedForEconomiaPopular: l.popular ?? false,
    territorialLimitation: null,
    nationalComponentMinPercent: l.nationalPercent ?? null,
  }));
  return {
    title: seed.title,
    description: seed.description,
    modality: seed.modality,
    productiveBet: seed.bet,
    executionDepartment: seed.department,
    executionMunicipality: seed.municipality,
    estimatedValueCop: String(seed.lots.reduce((sum, l) => sum + l.millions, 0) * 1_000_000),
    schedule,
    closingTime: '17:00',
    criteria: {
      totalPoints: 100,
      parts: [
        { key: 'price', label: 'Precio', points: 70 },
        { key: 'quality', label: 'Calidad', points: 18.5 },
        { key: 'mipyme_bonus', label: 'Bonificación mipyme (0,25)', points: 0.25 },
        { key: 'women_led_bonus', label: 'Emprendimientos y empresas de mujeres (0,25)', points: 0.25 },
        { key: 'disability_bonus', label: 'Personal con discapacidad (1 %)', points: 1 },
      ],
      nationalIndustryPoints: 10,
      foreignComponentPoints: 5,
    },
    lots,
  };
}
/** The working day at a Bogotá hour
, as the instant the demo pretends an action happened. */
const at = (date: string, time: string) => bogotaInstant(date, time);

/**
 * Where a demo tender's schedule sits around today so that its status is what the clock says: open
 * calls close in a few business days, closed ones closed three business days ago, drafts open later,
 * decided ones ended with their award on the day they were decided.
 */
function scheduleFor(seed: DemoTenderSeed, rule: ScheduleRule | null, today: string): TenderSchedule {
  if (seed.decided) return decidedSchedule(rule, decisionDay(seed.decided, today));
  if (!rule) {
    // Contratación directa has no public call: just an opening and a closing a week apart.
    const opening = addBusinessDays(today, 20);
    return { opening, closing: addBusinessDays(opening, 5) };
  }
  const closingIn = (days: number) => addBusinessDays(today, days - rule.openingToClosing);
  switch (seed.status) {
    case 'draft':
      return defaultSchedule(addBusinessDays(today, 20), rule);
    case 'published_draft':
    case 'cancelled':
      // Draft terms published two business days ago.
      return defaultSchedule(addBusinessDays(today, (rule.draftBeforeOpening ?? 0) - 2), rule);
    case 'open':
      return defaultSchedule(closingIn(Math.max(1, Math.min(4, rule.openingToClosing - 1))), rule);
    default:
      return defaultSchedule(closingIn(-3), rule);
  }
}

/**
 * Loads the demo tenders through the real services — checked, audited and evented like a buyer's — with
 * each action dated when it would have happened. Skipped when demo tenders are already there.
 */
export async function seedDemoTenders(
  db: DataSource,
  audit: AuditService,
  storage: ObjectStorage,
  keys: KeyWrapper | null,
): Promise<number> {
  const buyers = demoBuyers();
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM tenders WHERE buyer_organization_id = ANY($1)`, [
    buyers.map((b) => b.organizationId),
  ]);
  if (n > 0) return 0;
  const rules = new RuleParametersService(db, audit);
  const outbox = new OutboxService();
  const tenders = new TendersService(db, audit, rules);
  const lifecycle = new TenderLifecycleService(db, audit, outbox, rules, tenders);
  const participation = new TenderParticipationService(db, audit, outbox, rules);
  const documents = new SupplierDocumentsService(db, audit, storage);
  const tenderKeys = keys ? new TenderKeys(keys) : null;
  const bidDocuments = tenderKeys ? new BidDocumentsService(db, audit, tenderKeys, storage) : null;
  const bids = tenderKeys && bidDocuments ? new BidsService(db, audit, outbox, tenderKeys, bidDocuments) : null;
  // Without a bid master key there are no bids: decided tenders then stay under evaluation.
  const decisions = bids && bidDocuments ? new DemoDecisions(db, audit, outbox, rules, lifecycle, bids, bidDocuments) : null;
  const suppliers = demoSuppliers();
  const actorOf = async (organizationId: string): Promise<Actor> => {
    const [m] = await db.query(`SELECT user_id FROM memberships WHERE organization_id = $1 LIMIT 1`, [organizationId]);
    return { userId: m.user_id, organizationId, requestId: null };
  };
  const today = bogotaToday();

  for (const seed of DEMO_TENDERS) {
    await seedOne(seed).catch((e: unknown) => {
      // A demo that breaks a rule should say which tender and which fields.
      const detail = e instanceof DomainError ? JSON.stringify(e.options.errors ?? e.code) : String(e);
      throw new Error(`Demo tender "${seed.title}": ${(e as Error).message} ${detail}`);
    });
  }
  return DEMO_TENDERS.length;

  async function seedOne(seed: DemoTenderSeed): Promise<void> {
    const buyer = await actorOf(buyers[seed.buyer].organizationId);
    const rule = await rules.scheduleRule(seed.modality);
    const schedule = scheduleFor(seed, rule, today);
    const tender = await tenders.create(buyer.organizationId as string, demoTenderInput(seed, schedule), buyer);
    if (seed.status === 'draft') return;

    const published = schedule.draftPublication ?? schedule.opening;
    await lifecycle.transition(tender.id, { transition: tender.allowedTransitions[0] }, buyer, at(published, '09:00'));
    for (const i of seed.limitationRequests ?? []) {
      const supplier = await actorOf(suppliers[i].organizationId);
      const ids: string[] = [];
      for (const type of LIMITATION_DOCUMENTS)
        ids.push(
          (
            await documents.upload(
              supplier.organizationId as string,
              type,
              { originalname: `${type}.pdf`, size: DEMO_PDF.length, buffer: DEMO_PDF },
              supplier,
            )
          ).id,
        );
      await participation.requestLimitation(tender.id, ids, supplier, at(schedule.mipymeRequestDeadline as string, '10:00'));
    }
    if (seed.question) {
      const asker = await actorOf(suppliers[seed.question.supplier].organizationId);
      const question = await participation.ask(tender.id, { text: seed.question.text, lotId: null }, asker, at(published, '11:00'));
      await participation.answer(tender.id, question.id, seed.question.answer, buyer);
    }
    if (seed.status === 'published_draft') return;
    if (seed.status === 'cancelled') {
      await lifecycle.transition(tender.id, { transition: 'cancel', reason: seed.reason }, buyer);
      return;
    }
    if (tender.allowedTransitions[0] !== 'open')
      await lifecycle.transition(tender.id, { transition: 'open' }, buyer, at(schedule.opening, '09:00'));
    if (seed.status === 'open') return;
    if (bids && decisions && seed.bids) {
      await seedBids(bids, tender, seed, at(addBusinessDays(schedule.closing, -1), '10:00'));
      await decisions.committee(tender.id, buyer);
    }
    // Closed at its closing instant, as the closing job would have.
    await lifecycle.closeIfDue(tender.id, new Date(Math.min(Date.parse(tender.closingAt), Date.now())));
    if (seed.status === 'closed') return;
    await lifecycle.transition(tender.id, { transition: 'start_evaluation' }, buyer, at(addBusinessDays(schedule.closing, 1), '09:00'));
    if (decisions && seed.bids && seed.decided) await decisions.decide(tender, seed, rule, decisionDay(seed.decided, today), buyer);
    else if (seed.status === 'void') await lifecycle.transition(tender.id, { transition: 'declare_void', reason: seed.reason }, buyer);
  }

  /** The demo suppliers' sealed bids, submitted the day before closing as the clock then stood. */
  async function seedBids(service: BidsService, tender: TenderView, seed: DemoTenderSeed, when: Date): Promise<void> {
    for (const b of seed.bids ?? []) {
      const supplier = await actorOf(suppliers[b.supplier].organizationId);
      const lot = tender.lots[b.lot ?? 0];
      const price = (BigInt(lot.estimatedValueCop) * BigInt(b.percentOfEstimate)) / 100n;
      const input: BidInput = {
        lots: [
          { lotId: lot.id, priceCop: String(price), nationalIndustry: b.national, nationalComponentPercent: b.componentPercent ?? null },
        ],
        claims: NO_CLAIMS,
        plural: null,
      };
      await service.submit(tender.id, input, `demo-${tender.id}-${b.supplier}`, supplier, () => when);
    }
  }
}
