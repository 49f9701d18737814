import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/**
 * A stored file sent as a download with its sniffed type, so a browser never renders it as a page of
 * this site (an uploaded HTML file cannot run here).
 */
export function attachment(
  res: Response,
  file: { fileName: string; contentType: string; sizeBytes: number },
  body: Buffer,
  cacheControl = 'private, no-store',
): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('Cache-Control', cacheControl);
  return new StreamableFile(body, { type: file.contentType, length: file.sizeBytes });
}
