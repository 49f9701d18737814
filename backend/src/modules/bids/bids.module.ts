import { Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { KEY_WRAPPER, LocalKeyWrapper } from '../../core/crypto/envelope';
import { BidsController } from './bids.controller';
import { UploadInterceptor } from '../../core/storage/upload.interceptor';
import { BidDocumentsService } from './bid-documents.service';
import { BidsService } from './bids.service';
import { TenderKeys } from './tender-keys';

@Module({
  controllers: [BidsController],
  providers: [
    BidsService,
    BidDocumentsService,
    TenderKeys,
    UploadInterceptor,
    // A KMS-backed KeyWrapper goes here for deployments that have one.
    { provide: KEY_WRAPPER, inject: [APP_CONFIG], useFactory: (config: ServerConfig) => new LocalKeyWrapper(config.bidMasterKey) },
  ],
  exports: [BidsService, BidDocumentsService],
})
export class BidsModule {}
