import type { ReportIndicators, ReportMeasure, ReportTotals } from '@eslabon/domain';

/** The ways a report can be broken down; `month` is the time series. */
export const REPORT_DIMENSIONS = ['buyer', 'department', 'segment', 'productiveBet', 'modality', 'month'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** A period (Bogotá calendar days, both ends included) and optional filters, all combinable. */
export interface ReportQuery {
  from: string;
  to: string;
  buyerOrganizationId?: string;
  /** DIVIPOLA department code of the place of execution. */
  department?: string;
  /** UNSPSC segment (2 digits) of the lot. */
  segment?: string;
  productiveBet?: string;
  modality?: string;
}

export interface ReportFigures {
  totals: ReportTotals;
  indicators: ReportIndicators;
}

export interface ReportRow extends ReportFigures {
  key: string;
  label: string;
}

/** Suppliers registered by the end of the period, and those matched, bidding and awarded in it, by size. */
export interface FunnelRow {
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande' | 'unclassified';
  registered: number;
  matched: number;
  bidding: number;
  awarded: number;
}

/** An entity's food purchases against the 30 % from agricultura campesina, familiar y comunitaria (Ley 2046 de 2020). */
export interface FoodPurchaseRow {
  buyerOrganizationId: string;
  buyerName: string;
  foodValueCop: string;
  acfcValueCop: string;
  shareBp: number | null;
  meetsMinimum: boolean | null;
}

export interface ReportDashboard {
  query: ReportQuery;
  previous: { from: string; to: string };
  current: ReportFigures;
  previousFigures: ReportFigures;
  breakdowns: Record<ReportDimension, ReportRow[]>;
  funnel: FunnelRow[];
  food: FoodPurchaseRow[];
  /** When the newest fact was computed; null before any process was decided. */
  updatedAt: string | null;
}

/** A process behind a figure (drill-down). */
export interface ReportProcess {
  tenderId: string;
  reference: string;
  title: string;
  buyerName: string;
  department: string;
  modality: string;
  decidedOn: string;
  lots: number;
  /** The measure asked for, summed over the process's lots. */
  value: string;
  awardedValueCop: string;
  estimatedValueCop: string;
}

export interface ReportProcessPage {
  measure: ReportMeasure;
  total: number;
  items: ReportProcess[];
}

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
