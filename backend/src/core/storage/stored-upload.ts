import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../http/domain-error';
import { sniffFileType } from './file-signature';
import type { ObjectStorage } from './object-storage';
import type { UploadedFileData } from './upload.interceptor';

/** What a document row keeps of an upload. */
export interface StoredUpload {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Stores an uploaded document for an owner (an organization or a tender), then runs `record` — the
 * transaction that writes its row. The type is read from the bytes, not from the name or the browser's
 * claim. The bytes are written first; if the row cannot be written they are removed again. Virus
 * scanning hooks in here, before `storage.put` (see infra/README.md).
 */
export async function withStoredUpload<T>(
  storage: ObjectStorage,
  ownerId: string,
  file: UploadedFileData | undefined,
  record: (upload: StoredUpload) => Promise<T>,
  /** What is written instead of the bytes (sealed bid documents); the row still describes the upload. */
  transform: (bytes: Buffer, upload: StoredUpload) => Buffer = (bytes) => bytes,
): Promise<T> {
  if (!file || file.size === 0) throw DomainError.field('invalid', 'file_required', 'file', 'Attach a file');
  const contentType = sniffFileType(file.buffer.subarray(0, 16));
  if (!contentType) throw DomainError.field('invalid', 'file_type', 'file', 'Only PDF, PNG or JPEG files are accepted');
  const id = randomUUID();
  const upload: StoredUpload = {
    id,
    storageKey: `${ownerId}/${id}`,
    fileName: file.originalname.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'documento',
    contentType,
    sizeBytes: file.size,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
  };
  await storage.put(upload.storageKey, transform(file.buffer, upload), contentType);
  try {
    return await record(upload);
  } catch (e) {
    await storage.delete(upload.storageKey);
    throw e;
  }
}
