import { Observable, catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';

const DEBOUNCE_MS = 300;

/**
 * Suggestions as the user types: after a pause, for at least `minLength` characters, the latest
 * answer only. A box that holds a chosen suggestion (not a string) asks nothing; a failed look-up
 * suggests nothing.
 */
export function typeahead<T>(typed: Observable<unknown>, minLength: number, lookUp: (text: string) => Observable<T[]>): Observable<T[]> {
  return typed.pipe(
    filter((value): value is string => typeof value === 'string'),
    debounceTime(DEBOUNCE_MS),
    map((text) => text.trim()),
    distinctUntilChanged(),
    switchMap((text) => (text.length < minLength ? of([]) : lookUp(text).pipe(catchError(() => of([]))))),
  );
}
