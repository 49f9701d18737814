import { Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { KEY_WRAPPER, LocalKeyWrapper } from '../../core/crypto/envelope';
import { BidsController } from './bids.controller';
import { BidsService } from './bids.service';

@Module({
  controllers: [BidsController],
  providers: [
    BidsService,
    // A KMS-backed KeyWrapper goes here for deployments that have one.
    { provide: KEY_WRAPPER, inject: [APP_CONFIG], useFactory: (config: ServerConfig) => new LocalKeyWrapper(config.bidMasterKey) },
  ],
  exports: [BidsService],
})
export class BidsModule {}
