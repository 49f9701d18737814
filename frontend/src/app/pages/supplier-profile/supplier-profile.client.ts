import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DocumentType,
  SupplierCapabilities,
  SupplierDocumentView,
  SupplierIdentity,
  SupplierLegalStanding,
  SupplierProfileView,
} from '@eslabon/contracts';
import { Observable } from 'rxjs';

const suppliers = (organizationId: string) => `/api/v1/suppliers/${organizationId}`;

/** Calls of the supplier registry for the organization's own profile; each wizard step saves on its own. */
@Injectable({ providedIn: 'root' })
export class SupplierProfileClient {
  private readonly http = inject(HttpClient);

  profile(organizationId: string): Observable<SupplierProfileView> {
    return this.http.get<SupplierProfileView>(`${suppliers(organizationId)}/profile`);
  }

  saveIdentity(organizationId: string, identity: SupplierIdentity): Observable<SupplierProfileView> {
    return this.http.put<SupplierProfileView>(`${suppliers(organizationId)}/profile/identity`, identity);
  }

  saveLegal(organizationId: string, legal: SupplierLegalStanding): Observable<SupplierProfileView> {
    return this.http.put<SupplierProfileView>(`${suppliers(organizationId)}/profile/legal`, legal);
  }

  saveCapabilities(organizationId: string, capabilities: SupplierCapabilities): Observable<SupplierProfileView> {
    return this.http.put<SupplierProfileView>(`${suppliers(organizationId)}/profile/capabilities`, capabilities);
  }

  /** Multipart upload; the browser sets the boundary, so no content type is given here. */
  uploadDocument(organizationId: string, type: DocumentType, file: File): Observable<SupplierDocumentView> {
    const body = new FormData();
    body.append('type', type);
    body.append('file', file, file.name);
    return this.http.post<SupplierDocumentView>(`${suppliers(organizationId)}/documents`, body);
  }

  /** Where the browser downloads a document (the session cookie authorizes it). */
  documentUrl(organizationId: string, documentId: string): string {
    return `${suppliers(organizationId)}/documents/${documentId}`;
  }

  deleteDocument(organizationId: string, documentId: string): Observable<void> {
    return this.http.delete<void>(this.documentUrl(organizationId, documentId));
  }
}
