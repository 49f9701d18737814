import { Global, Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { APP_CONFIG } from '../config/config.module';
import { LocalDiskStorage } from './local-disk.storage';
import { OBJECT_STORAGE, ObjectStorage } from './object-storage';
import { S3Storage, parseS3Url } from './s3.storage';

export function createObjectStorage(config: Pick<ServerConfig, 's3Url' | 'storageDir'>): ObjectStorage {
  return config.s3Url ? new S3Storage(parseS3Url(config.s3Url)) : new LocalDiskStorage(config.storageDir);
}

/** Uploaded files: S3-compatible storage when S3_URL is set, otherwise STORAGE_DIR on local disk. */
@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: ServerConfig): ObjectStorage => createObjectStorage(config),
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
