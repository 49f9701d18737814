import { Module } from '@nestjs/common';
import { RateLimitGuard } from '../../core/http/rate-limit';
import { OcdsController } from './ocds.controller';
import { OcdsService } from './ocds.service';

@Module({
  controllers: [OcdsController],
  providers: [OcdsService, RateLimitGuard],
  exports: [OcdsService],
})
export class OcdsModule {}
