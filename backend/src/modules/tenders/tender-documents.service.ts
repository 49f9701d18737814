import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenderDocumentView } from '@eslabon/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { OBJECT_STORAGE, ObjectStorage } from '../../core/storage/object-storage';
import { withStoredUpload } from '../../core/storage/stored-upload';
import type { UploadedFileData } from '../../core/storage/upload.interceptor';
import { Tender, TenderDocument } from './tender.entities';
import { assertStillAmendable } from './tender-lifecycle.service';
import { documentView } from './tender-views';
import { Viewer, hiddenFrom, lockTender, tenderNotFound } from './tenders.service';

/** A tender's documents (pliego, annexes): rows in PostgreSQL, bytes in object storage. */
@Injectable()
export class TenderDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** Pliego documents: the bytes in object storage (keyed under the tender), public once it is published. */
  async upload(tenderId: string, name: string, file: UploadedFileData | undefined, actor: Actor): Promise<TenderDocumentView> {
    return withStoredUpload(this.storage, tenderId, file, (upload) =>
      this.db.transaction(async (em) => {
        const tender = await lockTender(em, tenderId);
        if (tender.status !== 'draft') assertStillAmendable(tender, new Date());
        const row = await em.getRepository(TenderDocument).save({ ...upload, tenderId, name: name.trim(), uploadedBy: actor.userId });
        await this.audit.record(em, actor, {
          action: 'tender_document.uploaded',
          entityType: 'tender',
          entityId: tenderId,
          summary: { after: { documentId: upload.id, name: row.name, sha256: upload.sha256, status: tender.status } },
        });
        return documentView(row);
      }),
    );
  }

  async read(tenderId: string, documentId: string, viewer: Viewer): Promise<{ row: TenderDocument; body: Buffer }> {
    const tender = await this.db.manager.findOneBy(Tender, { id: tenderId });
    if (!tender || hiddenFrom(tender, viewer)) throw tenderNotFound();
    const row = await this.db.manager.findOneBy(TenderDocument, { id: documentId, tenderId });
    if (!row) throw new DomainError('not_found', 'document_not_found', 'No such document');
    return { row, body: await this.storage.get(row.storageKey) };
  }
}
