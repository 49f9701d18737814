import type { ReportTotals } from '@eslabon/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const MEASURE = { type: 'numeric', precision: 20, scale: 0, default: 0 } as const;

/** The additive measures (see REPORT_MEASURES), exact decimals so counts and pesos add without loss. */
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

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}

/** The facts summed per month and dimension values: what the dashboard reads. */
@Entity({ name: 'report_cube' })
export class ReportCubeCell extends ReportMeasureColumns {
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

/** A supplier's part in the processes decided in a month: matched to one, bid on one, won one. */
@Entity({ name: 'report_supplier_months' })
export class ReportSupplierMonth {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ type: 'uuid' })
  supplierOrganizationId!: string;

  @Column({ type: 'text' })
  sizeClass!: string;

  /** The supplier's domicile, for the funnel's department filter. */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'boolean', default: false })
  matched!: boolean;

  @Column({ type: 'boolean', default: false })
  bidding!: boolean;

  @Column({ type: 'boolean', default: false })
  awarded!: boolean;
}
