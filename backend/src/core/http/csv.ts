/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with a quote
 * mark, since exported names and titles come from users. Files start with a BOM so accents survive.
 */
export const CSV_BOM = '\uFEFF';

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
