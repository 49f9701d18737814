import { Observable, catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import type { ReferenceClient, UnspscNode } from './reference.client';

const MIN_QUERY = 2;

/**
 * Suggestions for a UNSPSC filter box as the user types: classes and families only (segments are too
 * broad to filter by). The box holds either typed text or the node picked from the suggestions.
 */
export function unspscFilterSearch(typed: Observable<string | UnspscNode>, reference: ReferenceClient): Observable<UnspscNode[]> {
  return typed.pipe(
    filter((value): value is string => typeof value === 'string'),
    debounceTime(300),
    map((q) => q.trim()),
    distinctUntilChanged(),
    switchMap((q) =>
      q.length < MIN_QUERY
        ? of([])
        : reference.unspscSearch(q).pipe(
            map((nodes) => nodes.filter((n) => n.level !== 'segment')),
            catchError(() => of([])),
          ),
    ),
  );
}
