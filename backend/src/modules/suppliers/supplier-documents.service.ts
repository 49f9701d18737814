import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentType, SupplierDocumentView } from '@eslabon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { OBJECT_STORAGE, ObjectStorage } from '../../core/storage/object-storage';
import { withStoredUpload } from '../../core/storage/stored-upload';
import type { UploadedFileData } from '../../core/storage/upload.interceptor';
import { SupplierDocument } from './supplier.entities';
import { documentView } from './supplier-views';
import { lockSupplierProfile } from './suppliers.service';

/** A supplier's supporting documents: rows in PostgreSQL, bytes in object storage. */
@Injectable()
export class SupplierDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** Stores a supporting document (core/storage/stored-upload.ts) and records it, audited. */
  async upload(
    organizationId: string,
    type: DocumentType,
    file: UploadedFileData | undefined,
    actor: Actor,
  ): Promise<SupplierDocumentView> {
    return withStoredUpload(this.storage, organizationId, file, (upload) =>
      this.db.transaction(async (em) => {
        await lockSupplierProfile(em, organizationId);
        const row = await em.getRepository(SupplierDocument).save({ ...upload, organizationId, type, uploadedBy: actor.userId });
        await this.audit.record(em, actor, {
          action: 'supplier_document.uploaded',
          entityType: 'supplier_document',
          entityId: upload.id,
          summary: { after: { organizationId, type, contentType: upload.contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256 } },
        });
        return documentView(row);
      }),
    );
  }

  async read(organizationId: string, documentId: string): Promise<{ row: SupplierDocument; body: Buffer }> {
    const row = await this.findDocument(this.db.manager, organizationId, documentId);
    return { row, body: await this.storage.get(row.storageKey) };
  }

  async delete(organizationId: string, documentId: string, actor: Actor): Promise<void> {
    const row = await this.db.transaction(async (em) => {
      const doc = await this.findDocument(em, organizationId, documentId);
      await em.delete(SupplierDocument, { id: doc.id });
      await this.audit.record(em, actor, {
        action: 'supplier_document.deleted',
        entityType: 'supplier_document',
        entityId: doc.id,
        summary: { before: { organizationId, type: doc.type, sha256: doc.sha256 } },
      });
      return doc;
    });
    await this.storage.delete(row.storageKey);
  }

  private async findDocument(em: EntityManager, organizationId: string, documentId: string): Promise<SupplierDocument> {
    const row = /^[0-9a-f-]{36}$/i.test(documentId) ? await em.findOneBy(SupplierDocument, { id: documentId, organizationId }) : null;
    if (!row) throw new DomainError('not_found', 'document_not_found', 'This supplier has no such document');
    return row;
  }
}
