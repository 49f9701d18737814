/**
 * What an adenda changed, field by field (RULES.md §6: adendas are versioned and each version shows
 * what changed). Values are JSON: objects are compared key by key, arrays of objects position by
 * position (lots keep their order), and arrays of plain values as a whole (a list of UNSPSC classes).
 */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isListOfObjects = (v: unknown): v is unknown[] => Array.isArray(v) && v.some(isObject);
// A missing value and null are the same absence: an omitted optional field is no change.
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => fieldChanges(before[key], after[key], at(key)));
  }
  if (isListOfObjects(before) || isListOfObjects(after)) {
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => fieldChanges(a[i] ?? null, b[i] ?? null, at(i))).flat();
  }
  return same(before, after) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}

/** Changes that alter what a bid offers against: lots, evaluation criteria or the bid deadline. */
const RECONFIRM_PREFIXES = ['lots', 'criteria', 'schedule.closing', 'closingTime'];

export function requiresReconfirmation(changes: readonly FieldChange[]): boolean {
  return changes.some((c) => RECONFIRM_PREFIXES.some((p) => c.path === p || c.path.startsWith(`${p}.`)));
}
