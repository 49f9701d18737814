import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DepartmentView, UnspscSuggestion } from '@eslabon/contracts';
import { Observable, catchError, map, of, shareReplay, throwError } from 'rxjs';

/** One node of the UNSPSC catalogue. Class codes are 6 digits (family 4, segment 2), used as the API returns them. */
export interface UnspscNode {
  code: string;
  level: 'segment' | 'family' | 'class';
  name: string;
  parentCode: string | null;
}

/** A DIVIPOLA department (2-digit code) with its map position. */
export type Department = DepartmentView;

/** A DIVIPOLA municipality (5-digit code whose first two digits are its department's). */
export interface Municipality {
  code: string;
  name: string;
  departmentCode: string;
}

const REFERENCE = '/api/v1/reference';

/**
 * The public reference data: the UNSPSC catalogue and DIVIPOLA places. The DIVIPOLA lists hardly ever
 * change, so each is fetched once per visit and shared by every picker on the page (a failed fetch is
 * forgotten, so the next picker tries again).
 */
@Injectable({ providedIn: 'root' })
export class ReferenceClient {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Observable<unknown>>();

  /** Children of a segment (2 digits) or family (4 digits); the segments when no parent is given. */
  unspscChildren(parent?: string): Observable<UnspscNode[]> {
    const params = parent ? new HttpParams().set('parent', parent) : undefined;
    return this.http.get<UnspscNode[]>(`${REFERENCE}/unspsc`, { params });
  }

  /** The 2-digit segments, fetched once per visit (e.g. to name search facets). */
  unspscSegments(): Observable<UnspscNode[]> {
    return this.shared('segments', () => this.unspscChildren());
  }

  /**
   * The node of a code a link carries (segment, family or class), or null when the catalogue does not
   * know it; the search also matches the start of a code, and segments come from their cached list.
   */
  unspscNode(code: string): Observable<UnspscNode | null> {
    const found = (nodes: UnspscNode[]) => nodes.find((n) => n.code === code) ?? null;
    const nodes = code.length === 2 ? this.unspscSegments() : this.unspscSearch(code, 5);
    return nodes.pipe(
      map(found),
      catchError(() => of(null)),
    );
  }

  /** By words of the name (accents ignored) or the start of a code; classes first. */
  unspscSearch(q: string, limit = 20): Observable<UnspscNode[]> {
    return this.http.get<UnspscNode[]>(`${REFERENCE}/unspsc/search`, { params: { q, limit } });
  }

  /** Classes ranked for a plain-words description of what a firm sells. */
  unspscSuggest(text: string, limit = 8): Observable<UnspscSuggestion[]> {
    return this.http.get<UnspscSuggestion[]>(`${REFERENCE}/unspsc/suggest`, { params: { text, limit } });
  }

  departments(): Observable<Department[]> {
    return this.shared('departments', () => this.http.get<Department[]>(`${REFERENCE}/divipola/departments`));
  }

  municipalities(department: string): Observable<Municipality[]> {
    return this.shared(`municipalities:${department}`, () =>
      this.http.get<Municipality[]>(`${REFERENCE}/divipola/municipalities`, { params: { department } }),
    );
  }

  private shared<T>(key: string, fetch: () => Observable<T>): Observable<T> {
    let list = this.cache.get(key) as Observable<T> | undefined;
    if (!list) {
      list = fetch().pipe(
        catchError((error: unknown) => {
          this.cache.delete(key);
          return throwError(() => error);
        }),
        shareReplay(1),
      );
      this.cache.set(key, list);
    }
    return list;
  }
}
