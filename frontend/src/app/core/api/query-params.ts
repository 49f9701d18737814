import { HttpParams } from '@angular/common/http';

/** A GET's query parameters; filters left out, empty or false are not sent: they mean "any". */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) params = params.set(name, String(value));
  }
  return params;
}
