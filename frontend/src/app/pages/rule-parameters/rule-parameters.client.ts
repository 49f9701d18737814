import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NewRuleParameterVersion, RuleParameterVersionView } from '@eslabon/contracts';
import { Observable } from 'rxjs';

const REFERENCE = '/api/v1/reference';

/** A word people use that the UNSPSC names lack, searched as its `expansion` too. */
export interface UnspscSynonym {
  id: string;
  term: string;
  expansion: string;
}

export type NewUnspscSynonym = Omit<UnspscSynonym, 'id'>;

/** Versioned rule parameters and the UNSPSC search synonyms, both kept by platform admins. */
@Injectable({ providedIn: 'root' })
export class RuleParametersClient {
  private readonly http = inject(HttpClient);

  versions(): Observable<RuleParameterVersionView[]> {
    return this.http.get<RuleParameterVersionView[]>(`${REFERENCE}/rule-parameters`);
  }

  create(version: NewRuleParameterVersion): Observable<RuleParameterVersionView> {
    return this.http.post<RuleParameterVersionView>(`${REFERENCE}/rule-parameters`, version);
  }

  synonyms(): Observable<UnspscSynonym[]> {
    return this.http.get<UnspscSynonym[]>(`${REFERENCE}/unspsc/synonyms`);
  }

  addSynonym(synonym: NewUnspscSynonym): Observable<UnspscSynonym> {
    return this.http.post<UnspscSynonym>(`${REFERENCE}/unspsc/synonyms`, synonym);
  }

  removeSynonym(id: string): Observable<void> {
    return this.http.delete<void>(`${REFERENCE}/unspsc/synonyms/${id}`);
  }
}
