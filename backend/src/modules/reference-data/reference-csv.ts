import { parse } from 'csv-parse/sync';

export const DATASETS = ['unspsc', 'divipola'] as const;
export type Dataset = (typeof DATASETS)[number];

export interface UnspscRow {
  code: string;
  level: 'segment' | 'family' | 'class';
  name: string;
  parentCode: string | null;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  longitude: string | null;
  latitude: string | null;
}

/** A problem with one line of an uploaded file (line 1 is the header). */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; rows: T[] } | { ok: false; problems: RowProblem[] };

const LEVEL_DIGITS = { segment: 2, family: 4, class: 6 } as const;
const COORDINATE = /^-?\d{1,3}(\.\d+)?$/;

function records(csv: string, columns: string[]): Record<string, string>[] | RowProblem[] {
  try {
    const rows: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    if (rows.length === 0) return [];
    const header = Object.keys(rows[0]);
    const missing = columns.filter((c) => !header.includes(c));
    return missing.length ? [{ line: 1, field: missing[0], message: `the header lacks the column "${missing[0]}"` }] : rows;
  } catch (e) {
    return [{ line: (e as { lines?: number }).lines ?? 1, field: '', message: `the file is not valid CSV: ${(e as Error).message}` }];
  }
}

function done<T>(rows: T[], problems: RowProblem[]): Parsed<T> {
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 2, field: '', message: 'the file has no rows' });
  return problems.length ? { ok: false, problems: problems.slice(0, 100) } : { ok: true, rows };
}

/**
 * UNSPSC down to class: 2-digit segments, 4-digit families, 6-digit classes, each under an existing
 * parent. A row may lack its name (the shipped source lacks eight): the code stays valid for
 * suppliers who use it, and a later file can name it.
 */
export function parseUnspsc(csv: string): Parsed<UnspscRow> {
  const raw = records(csv, ['code', 'level', 'name', 'parent']);
  if (raw.length && 'line' in raw[0]) return { ok: false, problems: raw as RowProblem[] };
  const problems: RowProblem[] = [];
  const rows: UnspscRow[] = [];
  const seen = new Set<string>();
  (raw as Record<string, string>[]).forEach((r, i) => {
    const line = i + 2;
    const level = r['level'] as UnspscRow['level'];
    const digits = LEVEL_DIGITS[level];
    if (!digits) return problems.push({ line, field: 'level', message: 'must be segment, family or class' });
    if (!new RegExp(`^\\d{${digits}}$`).test(r['code']))
      return problems.push({ line, field: 'code', message: `a ${level} code has ${digits} digits` });
    if (seen.has(r['code'])) return problems.push({ line, field: 'code', message: 'appears twice' });
    const parentCode = level === 'segment' ? null : r['parent'];
    if (parentCode !== null && (parentCode !== r['code'].slice(0, digits - 2) || !seen.has(parentCode))) {
      return problems.push({ line, field: 'parent', message: 'must be the code of a row above, one level up' });
    }
    seen.add(r['code']);
    rows.push({ code: r['code'], level, name: r['name'], parentCode });
  });
  return done(rows, problems);
}

/** DIVIPOLA municipalities: 5-digit codes starting with their 2-digit department code. */
export function parseDivipola(csv: string): Parsed<MunicipalityRow> {
  const columns = ['municipality_code', 'municipality_name', 'department_code', 'department_name', 'longitude', 'latitude'];
  const raw = records(csv, columns);
  if (raw.length && 'line' in raw[0]) return { ok: false, problems: raw as RowProblem[] };
  const problems: RowProblem[] = [];
  const rows: MunicipalityRow[] = [];
  const seen = new Set<string>();
  (raw as Record<string, string>[]).forEach((r, i) => {
    const line = i + 2;
    const code = r['municipality_code'];
    const department = r['department_code'];
    if (!/^\d{2}$/.test(department)) return problems.push({ line, field: 'department_code', message: 'has 2 digits' });
    if (!/^\d{5}$/.test(code) || !code.startsWith(department)) {
      return problems.push({ line, field: 'municipality_code', message: 'has 5 digits starting with the department code' });
    }
    if (seen.has(code)) return problems.push({ line, field: 'municipality_code', message: 'appears twice' });
    if (!r['municipality_name'] || !r['department_name']) return problems.push({ line, field: 'municipality_name', message: 'is empty' });
    for (const field of ['longitude', 'latitude'] as const) {
      if (r[field] && !COORDINATE.test(r[field])) return problems.push({ line, field, message: 'must be a decimal number' });
    }
    seen.add(code);
    rows.push({
      code,
      name: r['municipality_name'],
      departmentCode: department,
      departmentName: r['department_name'],
      longitude: r['longitude'] || null,
      latitude: r['latitude'] || null,
    });
  });
  return done(rows, problems);
}
