/**
 * Where uploaded files are kept. Local disk by default; any S3-compatible service when S3_URL is set.
 * Keys are chosen by the application (never by the uploader), so they are safe as paths and object names.
 */
export interface ObjectStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('ObjectStorage');

/** Keys are generated (`<organization uuid>/<document uuid>`): anything else is refused, never resolved as a path. */
export const STORAGE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`Refusing storage key "${key}"`);
}
