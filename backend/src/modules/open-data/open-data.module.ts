import { Module } from '@nestjs/common';
import { RateLimitGuard } from '../../core/http/rate-limit';
import { SearchModule } from '../search/search.module';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

@Module({
  imports: [SearchModule],
  controllers: [OpenDataController],
  providers: [OpenDataService, RateLimitGuard],
})
export class OpenDataModule {}
