import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  SupplierDirectoryPage,
  SupplierDirectoryQuery,
  SupplierProfileView,
  SupplierPublicView,
  VerificationRequest,
} from '@eslabon/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/api/query-params';

const SUPPLIERS = '/api/v1/suppliers';

/** The supplier directory, a supplier's public page and, for platform admins, its verification. */
@Injectable({ providedIn: 'root' })
export class DirectoryClient {
  private readonly http = inject(HttpClient);

  /** Filters left empty or false are not sent: they mean "any". */
  search(query: SupplierDirectoryQuery): Observable<SupplierDirectoryPage> {
    return this.http.get<SupplierDirectoryPage>(SUPPLIERS, { params: queryParams(query) });
  }

  supplier(organizationId: string): Observable<SupplierPublicView> {
    return this.http.get<SupplierPublicView>(`${SUPPLIERS}/${organizationId}`);
  }

  profile(organizationId: string): Observable<SupplierProfileView> {
    return this.http.get<SupplierProfileView>(`${SUPPLIERS}/${organizationId}/profile`);
  }

  /** A plain link: the browser sends the session cookie and downloads the file itself. */
  documentUrl(organizationId: string, documentId: string): string {
    return `${SUPPLIERS}/${organizationId}/documents/${documentId}`;
  }

  decide(organizationId: string, request: VerificationRequest): Observable<SupplierProfileView> {
    return this.http.put<SupplierProfileView>(`/api/v1/admin/suppliers/${organizationId}/verification`, request);
  }
}
