import type { ParamMap, Params } from '@angular/router';

/**
 * Reads a page's filters from its URL query string, so a filtered view can be bookmarked and shared:
 * what is missing, blank or not allowed counts as not chosen.
 */
export function urlReader(params: ParamMap) {
  return {
    text: (name: string) => params.get(name)?.trim() || undefined,
    oneOf: <T extends string>(name: string, allowed: readonly T[]) => allowed.find((v) => v === params.get(name)),
    matching: (name: string, pattern: RegExp) => {
      const value = params.get(name)?.trim();
      return value && pattern.test(value) ? value : undefined;
    },
    flag: (name: string) => params.get(name) === 'true' || undefined,
    page: () => Math.max(1, Math.trunc(Number(params.get('page'))) || 1),
  };
}

type UrlValue = string | number | boolean | null | undefined;

/**
 * Filters as `queryParams` for `router.navigate` or a link: what is not chosen ('' or false) leaves
 * the URL, and so does the first page.
 */
export function urlParams(filters: Readonly<Record<string, UrlValue>>): Params {
  return Object.fromEntries(
    Object.entries(filters).map(([name, value]) => [
      name,
      value === '' || value === false || value === undefined || (name === 'page' && Number(value) <= 1) ? null : value,
    ]),
  );
}
