import { Observable, map } from 'rxjs';
import { typeahead } from '../ui/typeahead';
import type { ReferenceClient, UnspscNode } from './reference.client';

/** Shorter queries match half the catalogue. */
const MIN_QUERY = 2;

/**
 * Suggestions for a UNSPSC filter box as the user types: classes and families only (segments are too
 * broad to filter by). The box holds either typed text or the node picked from the suggestions.
 */
export function unspscFilterSearch(typed: Observable<string | UnspscNode>, reference: ReferenceClient): Observable<UnspscNode[]> {
  return typeahead(typed, MIN_QUERY, (q) => reference.unspscSearch(q).pipe(map((nodes) => nodes.filter((n) => n.level !== 'segment'))));
}
