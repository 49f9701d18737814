import type { Sort } from '@angular/material/sort';

/** Compares two figures exactly (money is a decimal string: BigInt, not float); figures without a value last. */
export function compareFigures(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const diff = BigInt(a) - BigInt(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

/**
 * Rows in the order a matSort header asks: the name column alphabetically, figures exactly; rows
 * without a figure stay last whichever the direction. No direction keeps the server's order.
 */
export function sortRows<T>(
  rows: readonly T[],
  { active, direction }: Sort,
  name: { column: string; of: (row: T) => string },
  figure: (row: T, column: string) => string | number | null,
): T[] {
  const copy = [...rows];
  if (!direction) return copy;
  const sign = direction === 'asc' ? 1 : -1;
  if (active === name.column) return copy.sort((a, b) => sign * name.of(a).localeCompare(name.of(b)));
  return copy.sort((a, b) => {
    const [x, y] = [figure(a, active), figure(b, active)];
    return x === null || y === null ? compareFigures(x, y) : sign * compareFigures(x, y);
  });
}
