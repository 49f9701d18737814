import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BidDocumentRef, BidDocumentUpload, BidEnvelope, FieldError } from '@eslabon/contracts';
import { acceptsBids } from '@eslabon/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { open, seal } from '../../core/crypto/envelope';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { OBJECT_STORAGE, ObjectStorage } from '../../core/storage/object-storage';
import { withStoredUpload } from '../../core/storage/stored-upload';
import type { UploadedFileData } from '../../core/storage/upload.interceptor';
import { Tender } from '../tenders/tender.entities';
import { tenderNotFound } from '../tenders/tenders.service';
import { BidDocument } from './bid.entities';
import { TenderKeys } from './tender-keys';

const IV = 12;
const TAG = 16;
const aad = (d: Pick<BidDocument, 'tenderId' | 'supplierOrganizationId' | 'id'>) =>
  `bid-document:${d.tenderId}:${d.supplierOrganizationId}:${d.id}`;

/**
 * The files of a bid's envelopes: sealed with the tender's data key before they reach object storage
 * (stored as iv ‖ tag ‖ ciphertext), uploaded only while bids are received, opened only by the committee.
 */
@Injectable()
export class BidDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly keys: TenderKeys,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(tenderId: string, envelope: BidEnvelope, file: UploadedFileData | undefined, actor: Actor): Promise<BidDocumentUpload> {
    const supplierId = actor.organizationId as string;
    const tender = await this.db.manager.findOneBy(Tender, { id: tenderId });
    if (!tender || tender.status === 'draft') throw tenderNotFound();
    if (!acceptsBids(tender.status, tender.closingAt, new Date()))
      throw new DomainError('conflict', 'bidding_closed', `Bids are received until ${tender.closingAt.toISOString()}`);
    const key = await this.keys.dataKey(this.db.manager, tenderId);
    const sealFor = (bytes: Buffer, id: string) => {
      const sealed = seal(key, bytes, aad({ tenderId, supplierOrganizationId: supplierId, id }));
      return Buffer.concat([sealed.iv, sealed.tag, sealed.ciphertext]);
    };
    return withStoredUpload(
      this.storage,
      supplierId,
      file,
      (upload) =>
        this.db.transaction(async (em) => {
          const row = await em.getRepository(BidDocument).save({
            id: upload.id,
            tenderId,
            supplierOrganizationId: supplierId,
            envelope,
            storageKey: upload.storageKey,
            contentType: upload.contentType,
            sizeBytes: upload.sizeBytes,
            sha256: upload.sha256,
            uploadedBy: actor.userId as string,
          });
          // The audit names the document and its hash, never the file's name or content.
          await this.audit.record(em, actor, {
            action: 'bid_document.uploaded',
            entityType: 'bid_document',
            entityId: row.id,
            summary: { after: { tenderId, envelope, sha256: row.sha256, sizeBytes: row.sizeBytes } },
          });
          return { documentId: row.id, envelope, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256 };
        }),
      (bytes, upload) => sealFor(bytes, upload.id),
    );
  }

  /** Field errors for documents a bid lists that this supplier did not upload to this tender as described. */
  async refProblems(em: EntityManager, tenderId: string, supplierId: string, refs: readonly BidDocumentRef[]): Promise<FieldError[]> {
    if (refs.length === 0) return [];
    const rows = await em.findBy(BidDocument, { id: In(refs.map((r) => r.documentId)), tenderId, supplierOrganizationId: supplierId });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seen = new Set<string>();
    return refs.flatMap((ref, i) => {
      const row = byId.get(ref.documentId);
      const ok = row && row.envelope === ref.envelope && row.sha256 === ref.sha256 && !seen.has(ref.documentId);
      seen.add(ref.documentId);
      return ok
        ? []
        : [fieldError(`documents.${i}.documentId`, 'unknown_document', 'Upload the file to this tender first, in this envelope')];
    });
  }

  /** A document of an opened bid, decrypted, for the committee (the caller checks who and when). */
  async read(em: EntityManager, tenderId: string, supplierId: string, documentId: string): Promise<{ row: BidDocument; body: Buffer }> {
    const row = await em.findOneBy(BidDocument, { id: documentId, tenderId, supplierOrganizationId: supplierId });
    if (!row) throw new DomainError('not_found', 'document_not_found', 'No such document');
    const stored = await this.storage.get(row.storageKey);
    const key = await this.keys.dataKey(em, tenderId);
    const body = open(
      key,
      { iv: stored.subarray(0, IV), tag: stored.subarray(IV, IV + TAG), ciphertext: stored.subarray(IV + TAG) },
      aad(row),
    );
    return { row, body };
  }
}
