import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { InjectConfig } from '../config/config.module';
import { DomainError } from '../http/domain-error';

/** The one uploaded file of a multipart request, held in memory (uploads are capped at UPLOAD_MAX_SIZE). */
export interface UploadedFileData {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export type RequestWithUpload = Request & { file?: UploadedFileData };

/**
 * Reads a multipart/form-data body with one file in the field `file`. Multer stops reading as soon as
 * the size limit is passed, and its errors become problem+json on the `file` field.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: (req: Request, res: Response, done: (error: unknown) => void) => void;

  constructor(@InjectConfig() private readonly config: ServerConfig) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 10_000 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.parse(http.getRequest(), http.getResponse(), (error) => (error ? reject(this.toDomainError(error)) : resolve())),
    );
    return next.handle();
  }

  private toDomainError(error: unknown): unknown {
    if (!(error instanceof multer.MulterError)) return error;
    if (error.code === 'LIMIT_FILE_SIZE') {
      const mb = Math.floor(this.config.uploadMaxBytes / (1024 * 1024));
      return DomainError.field('too_large', 'file_too_large', 'file', `The file is larger than ${mb} MB`);
    }
    return DomainError.field('invalid', 'file_required', 'file', `Send one file in the multipart field "file" (${error.message})`);
  }
}
