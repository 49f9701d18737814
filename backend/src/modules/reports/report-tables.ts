import {
  REPORT_INDICATORS,
  REPORT_INDICATOR_DEFINITIONS,
  indicatorValue,
  isShareIndicator,
  type Locale,
  type ReportDashboard,
  type ReportDimension,
  type ReportIndicatorKey,
  type ReportProcessPage,
  type ReportRow,
} from '@eslabon/contracts';
import type { ReportIndicators } from '@eslabon/domain';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '../../core/http/csv';

/** A table as exported: header texts and cells (numbers stay numbers in XLSX). */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** The indicator's value as a number for a cell: COP whole, shares in percent with two decimals. */
export function cellValue(indicators: ReportIndicators, key: ReportIndicatorKey): number | null {
  const value = indicatorValue(indicators, key);
  if (value === null) return null;
  return isShareIndicator(key) || key === 'biddersPerProcess' || key === 'bidsPerLot' ? Number(value) / 100 : Number(value);
}

/** Names of the tables and of the filters, for exports, their notes and the PDF. */
export const REPORT_WORDS: Record<
  Locale,
  Record<ReportDimension | 'funnel' | 'food' | 'processes' | 'key' | 'name' | 'period' | 'filters', string>
> = {
  'es-CO': {
    buyer: 'Entidad compradora',
    department: 'Departamento',
    segment: 'Segmento UNSPSC',
    productiveBet: 'Apuesta productiva',
    modality: 'Modalidad',
    month: 'Mes',
    funnel: 'Embudo de proveedores',
    food: 'Compras de alimentos (Ley 2046 de 2020)',
    processes: 'Procesos',
    key: 'Código',
    name: 'Nombre',
    period: 'Periodo',
    filters: 'Filtros',
  },
  en: {
    buyer: 'Buyer',
    department: 'Department',
    segment: 'UNSPSC segment',
    productiveBet: 'Productive bet',
    modality: 'Modality',
    month: 'Month',
    funnel: 'Supplier funnel',
    food: 'Food purchases (Ley 2046 de 2020)',
    processes: 'Processes',
    key: 'Code',
    name: 'Name',
    period: 'Period',
    filters: 'Filters',
  },
};

const FUNNEL_HEADERS: Record<Locale, string[]> = {
  'es-CO': ['Tamaño', 'Registrados', 'Emparejados', 'Con oferta', 'Adjudicados'],
  en: ['Size', 'Registered', 'Matched', 'Bidding', 'Awarded'],
};
const FOOD_HEADERS: Record<Locale, string[]> = {
  'es-CO': ['Entidad', 'Compras de alimentos (COP)', 'De la ACFC (COP)', 'Parte ACFC (%)', 'Cumple el 30 %'],
  en: ['Entity', 'Food purchases (COP)', 'From ACFC (COP)', 'ACFC share (%)', 'Meets 30 %'],
};
const PROCESS_HEADERS: Record<Locale, string[]> = {
  'es-CO': [
    'Referencia',
    'Objeto',
    'Entidad',
    'Departamento',
    'Modalidad',
    'Decidido',
    'Lotes',
    'Valor de la cifra',
    'Adjudicado (COP)',
    'Estimado (COP)',
  ],
  en: ['Reference', 'Title', 'Buyer', 'Department', 'Modality', 'Decided', 'Lots', 'Figure value', 'Awarded (COP)', 'Estimated (COP)'],
};

export function breakdownTable(dashboard: ReportDashboard, dimension: ReportDimension, locale: Locale): ReportTable {
  const defs = REPORT_INDICATOR_DEFINITIONS[locale];
  return {
    title: REPORT_WORDS[locale][dimension],
    columns: [REPORT_WORDS[locale].key, REPORT_WORDS[locale][dimension], ...REPORT_INDICATORS.map((k) => defs[k].label)],
    rows: dashboard.breakdowns[dimension].map((r: ReportRow) => [
      r.key,
      r.label,
      ...REPORT_INDICATORS.map((k) => cellValue(r.indicators, k)),
    ]),
  };
}

export function funnelTable(dashboard: ReportDashboard, locale: Locale): ReportTable {
  return {
    title: REPORT_WORDS[locale].funnel,
    columns: FUNNEL_HEADERS[locale],
    rows: dashboard.funnel.map((f) => [f.sizeClass, f.registered, f.matched, f.bidding, f.awarded]),
  };
}

export function foodTable(dashboard: ReportDashboard, locale: Locale): ReportTable {
  const yes = locale === 'en' ? ['yes', 'no'] : ['sí', 'no'];
  return {
    title: REPORT_WORDS[locale].food,
    columns: FOOD_HEADERS[locale],
    rows: dashboard.food.map((f) => [
      f.buyerName,
      Number(f.foodValueCop),
      Number(f.acfcValueCop),
      f.shareBp === null ? null : f.shareBp / 100,
      f.meetsMinimum === null ? null : yes[f.meetsMinimum ? 0 : 1],
    ]),
  };
}

export function processesTable(page: ReportProcessPage, locale: Locale): ReportTable {
  return {
    title: REPORT_WORDS[locale].processes,
    columns: PROCESS_HEADERS[locale],
    rows: page.items.map((p) => [
      p.reference,
      p.title,
      p.buyerName,
      p.department,
      p.modality,
      p.decidedOn,
      p.lots,
      Number(p.value),
      Number(p.awardedValueCop),
      Number(p.estimatedValueCop),
    ]),
  };
}

export function toCsv(table: ReportTable): Buffer {
  return Buffer.from(CSV_BOM + [table.columns, ...table.rows].map(csvLine).join(''), 'utf8');
}

export async function toXlsx(table: ReportTable, notes: { title: string; lines: string[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Eslabón';
  const sheet = book.addWorksheet(table.title.slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(12, table.columns[i].length + 2))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = book.addWorksheet(notes.title.slice(0, 31));
  for (const line of notes.lines) about.addRow([line]);
  about.getColumn(1).width = 120;
  return Buffer.from(await book.xlsx.writeBuffer());
}
