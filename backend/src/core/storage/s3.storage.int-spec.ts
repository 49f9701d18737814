import { randomUUID } from 'node:crypto';
import { S3Storage, parseS3Url } from './s3.storage';

// Runs only against a real S3-compatible service: S3_URL=https://KEY:SECRET@host/bucket npm run test:jest -- backend/src/core/storage
const s3Url = process.env['S3_URL'];

(s3Url ? describe : describe.skip)('S3Storage against S3_URL', () => {
  it('puts, gets and deletes an object', async () => {
    const storage = new S3Storage(parseS3Url(s3Url as string));
    const key = `${randomUUID()}/${randomUUID()}`;
    const body = Buffer.from('%PDF-1.4 prueba');
    await storage.put(key, body, 'application/pdf');
    expect(Buffer.compare(await storage.get(key), body)).toBe(0);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow(/answered 404/);
  });
});
