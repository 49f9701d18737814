/** Whether a failed write broke the unique index `constraint`: two requests racing for one value, where the index decides. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const pg = e.driverError ?? e;
  return pg.code === '23505' && pg.constraint === constraint;
}
