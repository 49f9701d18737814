import type { ReportTotals } from '@eslabon/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const MEASURE = { type: 'bigint', default: 0 } as const;

/**
 * The additive measures (see REPORT_MEASURES): whole numbers, so counts and pesos add without loss;
 * bigint, because PostgreSQL sums it with 128-bit integers, many times faster than numeric.
 */
abstract class ReportMeasureColumns implements ReportTotals {
  @Column(MEASURE) lots!: string;
  @Column(MEASURE) awardedLots!: string;
  @Column(MEASURE) voidLots!: string;
  @Column(MEASURE) reservedLots!: string;
  @Column(MEASURE) bids!: string;
  @Column(MEASURE) singleBidLots!: string;
  /** Process-level measures are carried by the process's first lot, so they add once per process. */
  @Column(MEASURE) processes!: string;
  @Column(MEASURE) voidProcesses!: string;
  @Column(MEASURE) singleBidderProcesses!: string;
  @Column(MEASURE) processBidders!: string;
  @Column(MEASURE) limitedProcesses!: string;
  @Column(MEASURE) estimatedValueCop!: string;
  @Column(MEASURE) awardedValueCop!: string;
  @Column(MEASURE) nationalValueCop!: string;
  @Column(MEASURE) microValueCop!: string;
  @Column(MEASURE) pequenaValueCop!: string;
  @Column(MEASURE) medianaValueCop!: string;
  @Column(MEASURE) economiaPopularValueCop!: string;
  @Column(MEASURE) womenLedValueCop!: string;
  @Column(MEASURE) cooperativeValueCop!: string;
  @Column(MEASURE) localValueCop!: string;
  @Column(MEASURE) limitedValueCop!: string;
  @Column(MEASURE) reservedValueCop!: string;
  @Column(MEASURE) foodValueCop!: string;
  @Column(MEASURE) foodAcfcValueCop!: string;
}

/** One decided lot (awarded or void) with the dimensions reports filter on; rebuilt when its tender is decided. */
@Entity({ name: 'report_lot_facts' })
@Index('ix_report_lot_facts_decided_on', ['decidedOn'])
export class ReportLotFact extends ReportMeasureColumns {
  @PrimaryColumn({ type: 'uuid' })
  lotId!: string;

  @Index()
  @Column({ type: 'uuid' })
  tenderId!: string;

  @Column({ type: 'uuid' })
  buyerOrganizationId!: string;

  /** Bogotá calendar day of the decision. */
  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'text' })
  department!: string;

  /** UNSPSC segment of the lot's first class; '' when it has none. */
  @Column({ type: 'text' })
  segment!: string;

  @Column({ type: 'text' })
  productiveBet!: string;

  @Column({ type: 'text' })
  modality!: string;

  /** Its maximum is the dashboard's "data as of". */
  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}

/**
 * The facts summed per month over a set of dimensions (`dims`, a bit mask: 1 buyer, 2 department,
 * 4 segment, 8 productive bet, 16 modality): every set of none, one or two of them, and all five.
 * The dashboard reads the smallest set that holds its filters and the breakdown it draws; dimensions
 * outside the set hold a placeholder.
 */
@Entity({ name: 'report_rollups' })
export class ReportRollup extends ReportMeasureColumns {
  @PrimaryColumn({ type: 'smallint' })
  dims!: number;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ type: 'uuid' })
  buyerOrganizationId!: string;

  @PrimaryColumn({ type: 'text' })
  department!: string;

  @PrimaryColumn({ type: 'text' })
  segment!: string;

  @PrimaryColumn({ type: 'text' })
  productiveBet!: string;

  @PrimaryColumn({ type: 'text' })
  modality!: string;
}

/**
 * A supplier's part, per year, in the processes decided in it: the months (bit 0 = January) in which it
 * was matched to one, bid on one, won one. Distinct suppliers of any run of months are then a count.
 */
@Entity({ name: 'report_supplier_years' })
export class ReportSupplierYear {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @PrimaryColumn({ type: 'uuid' })
  supplierOrganizationId!: string;

  @Column({ type: 'text' })
  sizeClass!: string;

  /** The supplier's domicile, for the funnel's department filter. */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'integer', default: 0 })
  matchedMonths!: number;

  @Column({ type: 'integer', default: 0 })
  biddingMonths!: number;

  @Column({ type: 'integer', default: 0 })
  awardedMonths!: number;
}
