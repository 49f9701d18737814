import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentType, SupplierDocumentView } from '@eslabon/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { sniffFileType } from '../../core/storage/file-signature';
import { OBJECT_STORAGE, ObjectStorage } from '../../core/storage/object-storage';
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

  /**
   * Stores a supporting document. The type is read from the bytes, not from the name or the browser's
   * claim. The bytes are written before the row; if the row cannot be written they are removed again.
   * Virus scanning hooks in here, before `storage.put` (see infra/README.md).
   */
  async upload(
    organizationId: string,
    type: DocumentType,
    file: UploadedFileData | undefined,
    actor: Actor,
  ): Promise<SupplierDocumentView> {
    if (!file || file.size === 0) throw DomainError.field('invalid', 'file_required', 'file', 'Attach a file');
    const contentType = sniffFileType(file.buffer.subarray(0, 16));
    if (!contentType) throw DomainError.field('invalid', 'file_type', 'file', 'Only PDF, PNG or JPEG files are accepted');
    const id = randomUUID();
    const storageKey = `${organizationId}/${id}`;
    await this.storage.put(storageKey, file.buffer, contentType);
    try {
      return await this.db.transaction(async (em) => {
        await lockSupplierProfile(em, organizationId);
        const row = await em.getRepository(SupplierDocument).save({
          id,
          organizationId,
          type,
          fileName: file.originalname.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'documento',
          contentType,
          sizeBytes: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          uploadedBy: actor.userId,
        });
        await this.audit.record(em, actor, {
          action: 'supplier_document.uploaded',
          entityType: 'supplier_document',
          entityId: id,
          summary: { after: { organizationId, type, contentType, sizeBytes: file.size, sha256: row.sha256 } },
        });
        return documentView(row);
      });
    } catch (e) {
      await this.storage.delete(storageKey);
      throw e;
    }
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
