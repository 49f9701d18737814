import {
  REPORT_INDICATORS,
  REPORT_INDICATOR_DEFINITIONS,
  indicatorChange,
  isShareIndicator,
  type Locale,
  type ReportDashboard,
  type ReportIndicatorKey,
  type ReportRow,
} from '@eslabon/contracts';
import { FOOD_MINIMUM_SHARE_BP, FOOD_UNSPSC_SEGMENTS } from '@eslabon/domain';
import PDFDocument from 'pdfkit';
import { cellValue, foodTable, funnelTable } from './report-tables';

const TEXT = {
  'es-CO': {
    title: 'Participación de la industria nacional, las mipymes y la economía popular en las compras públicas',
    period: 'Periodo',
    previous: 'Periodo de comparación',
    filters: 'Filtros',
    none: 'ninguno (todas las entidades, regiones y sectores)',
    generated: 'Generado',
    updated: 'Datos al',
    indicators: 'Indicadores',
    indicator: 'Indicador',
    current: 'Periodo',
    before: 'Anterior',
    change: 'Cambio',
    byMonth: 'Valor adjudicado por mes (COP)',
    byDepartment: 'Valor adjudicado por departamento de ejecución (COP)',
    byModality: 'Valor adjudicado por modalidad (COP)',
    bySegment: 'Valor adjudicado por segmento UNSPSC (COP)',
    method: 'Notas de método',
    methodLines: [
      'Fuente: registros de Eslabón. Cada lote cuenta en el mes (hora de Bogotá) en que su proceso fue adjudicado o declarado desierto.',
      'El tamaño, el estado de industria nacional y la condición de empresa de mujeres son los registrados con la oferta y verificados en la adjudicación; cambios posteriores del perfil no alteran las cifras.',
      `Compras de alimentos: lotes del segmento UNSPSC ${FOOD_UNSPSC_SEGMENTS.join(', ')}; mínimo legal de ${FOOD_MINIMUM_SHARE_BP / 100} % de la ACFC (Ley 2046 de 2020; Decreto 248 de 2021).`,
      'El embudo de proveedores toma el domicilio del proveedor para el filtro de departamento; los demás filtros no se aplican a proveedores.',
      'Los cambios de participaciones se expresan en puntos porcentuales; los de valores, en porcentaje sobre el periodo anterior.',
    ],
    none2: 'Sin datos en el periodo.',
  },
  en: {
    title: 'Participation of national industry, mipymes and the economía popular in public procurement',
    period: 'Period',
    previous: 'Compared with',
    filters: 'Filters',
    none: 'none (all entities, regions and sectors)',
    generated: 'Generated',
    updated: 'Data as of',
    indicators: 'Indicators',
    indicator: 'Indicator',
    current: 'Period',
    before: 'Previous',
    change: 'Change',
    byMonth: 'Awarded value by month (COP)',
    byDepartment: 'Awarded value by department of execution (COP)',
    byModality: 'Awarded value by modality (COP)',
    bySegment: 'Awarded value by UNSPSC segment (COP)',
    method: 'Method notes',
    methodLines: [
      'Source: Eslabón records. Each lot counts in the month (Bogotá time) its process was awarded or declared void.',
      'Size, national-industry status and women-led status are those recorded with the bid and verified at award; later profile edits do not change the figures.',
      `Food purchases: lots of UNSPSC segment ${FOOD_UNSPSC_SEGMENTS.join(', ')}; legal minimum of ${FOOD_MINIMUM_SHARE_BP / 100} % from ACFC (Ley 2046 de 2020; Decreto 248 de 2021).`,
      'The supplier funnel filters by the supplier’s domicile for the department; other filters do not apply to suppliers.',
      'Changes of shares are in percentage points; changes of amounts in percent of the previous period.',
    ],
    none2: 'No data in the period.',
  },
} as const;

export function formatFigure(key: ReportIndicatorKey, value: number | null, locale: Locale): string {
  if (value === null) return '—';
  if (isShareIndicator(key)) return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
  if (key.endsWith('Cop')) return `$ ${value.toLocaleString(locale, { maximumFractionDigits: 0 })}`;
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

function changeText(key: ReportIndicatorKey, d: ReportDashboard, locale: Locale): string {
  const { kind, bp } = indicatorChange(key, d.current.indicators, d.previousFigures.indicators);
  if (bp === null) return '—';
  return `${bp > 0 ? '+' : ''}${(bp / 100).toLocaleString(locale, { maximumFractionDigits: 1 })} ${kind === 'points' ? 'pp' : '%'}`;
}

/**
 * The dashboard of a period as a PDF fit to attach to an official report: cover, indicators with
 * the previous period, bar charts drawn from the same rows as the screen, tables and method notes.
 */
export function dashboardPdf(d: ReportDashboard, filterLabels: string[], locale: Locale, now: Date): Promise<Buffer> {
  const t = TEXT[locale];
  const defs = REPORT_INDICATOR_DEFINITIONS[locale];
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t.title, Author: 'Eslabón' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const bogota = (date: Date) => date.toLocaleString(locale, { timeZone: 'America/Bogota', dateStyle: 'long', timeStyle: 'short' });

  doc.font('Helvetica-Bold').fontSize(22).text('Eslabón', { align: 'left' }).moveDown(0.5);
  doc.fontSize(16).text(t.title).moveDown(1.5);
  doc.font('Helvetica').fontSize(11);
  doc.text(`${t.period}: ${d.query.from} — ${d.query.to}`);
  doc.text(`${t.previous}: ${d.previous.from} — ${d.previous.to}`);
  doc.text(`${t.filters}: ${filterLabels.length ? filterLabels.join('; ') : t.none}`);
  doc.text(`${t.generated}: ${bogota(now)} (America/Bogota)`);
  if (d.updatedAt) doc.text(`${t.updated}: ${bogota(new Date(d.updatedAt))}`);

  doc.addPage().font('Helvetica-Bold').fontSize(14).text(t.indicators).moveDown(0.5);
  table(
    doc,
    [t.indicator, t.current, t.before, t.change],
    REPORT_INDICATORS.map((key) => [
      defs[key].label,
      formatFigure(key, cellValue(d.current.indicators, key), locale),
      formatFigure(key, cellValue(d.previousFigures.indicators, key), locale),
      changeText(key, d, locale),
    ]),
    [220, 100, 100, 75],
  );

  for (const [title, rows] of [
    [t.byMonth, d.breakdowns.month],
    [t.byDepartment, d.breakdowns.department.slice(0, 15)],
    [t.byModality, d.breakdowns.modality],
    [t.bySegment, d.breakdowns.segment.slice(0, 12)],
  ] as [string, ReportRow[]][]) {
    doc.addPage().font('Helvetica-Bold').fontSize(13).text(title).moveDown(0.5);
    if (rows.length === 0) doc.font('Helvetica').fontSize(10).text(t.none2);
    else bars(doc, rows, locale);
  }

  for (const tbl of [funnelTable(d, locale), foodTable(d, locale)]) {
    doc.addPage().font('Helvetica-Bold').fontSize(13).text(tbl.title).moveDown(0.5);
    if (tbl.rows.length === 0) doc.font('Helvetica').fontSize(10).text(t.none2);
    else
      table(
        doc,
        tbl.columns,
        tbl.rows.map((r) => r.map((c) => (c === null ? '—' : typeof c === 'number' ? c.toLocaleString(locale) : c))),
        tbl.columns.map(() => 495 / tbl.columns.length),
      );
  }

  doc.addPage().font('Helvetica-Bold').fontSize(13).text(t.method).moveDown(0.5);
  doc.font('Helvetica').fontSize(9);
  for (const line of t.methodLines) doc.text(`• ${line}`).moveDown(0.3);
  doc.moveDown(0.5);
  for (const key of REPORT_INDICATORS) {
    doc.font('Helvetica-Bold').text(defs[key].label, { continued: true }).font('Helvetica').text(`: ${defs[key].definition}`).moveDown(0.2);
  }
  doc.end();
  return done;
}

function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], widths: number[]): void {
  const x0 = doc.page.margins.left;
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let x = x0;
    let height = 0;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: widths[i] - 6 });
      height = Math.max(height, doc.y - y);
      x += widths[i];
    });
    doc.x = x0;
    doc.y = y + height + 4;
  };
  line(headers, true);
  for (const r of rows) line(r, false);
}

function bars(doc: PDFKit.PDFDocument, rows: ReportRow[], locale: Locale): void {
  const x0 = doc.page.margins.left;
  const labelWidth = 170;
  const barWidth = 230;
  const max = rows.reduce((m, r) => Math.max(m, Number(r.totals.awardedValueCop)), 0) || 1;
  doc.font('Helvetica').fontSize(8);
  for (const r of rows) {
    const value = Number(r.totals.awardedValueCop);
    const y = doc.y;
    doc.fillColor('#222').text(r.label, x0, y, { width: labelWidth - 8, height: 12, ellipsis: true });
    doc.rect(x0 + labelWidth, y, Math.max(1, (value / max) * barWidth), 9).fill('#1565c0');
    doc.fillColor('#222').text(`$ ${value.toLocaleString(locale)}`, x0 + labelWidth + barWidth + 6, y, { width: 90 });
    doc.x = x0;
    doc.y = y + 15;
  }
}
