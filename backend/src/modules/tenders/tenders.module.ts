import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipRegistry, isUuid } from '../../core/auth/ownership';
import { UploadInterceptor } from '../../core/storage/upload.interceptor';
import { RuleParametersModule } from '../rule-parameters/rule-parameters.module';
import { TenderDocumentsService } from './tender-documents.service';
import { TenderLifecycleService } from './tender-lifecycle.service';
import { TenderParticipationService } from './tender-participation.service';
import { TendersController } from './tenders.controller';
import { TendersService } from './tenders.service';

/** Tender rules and state, shared by the API and the worker (which runs the deadlines). */
@Module({
  imports: [RuleParametersModule],
  providers: [TendersService, TenderLifecycleService],
  exports: [TendersService, TenderLifecycleService],
})
export class TenderCoreModule {}

/** The HTTP side: routes, documents and who owns a tender. */
@Module({
  imports: [TenderCoreModule, RuleParametersModule],
  controllers: [TendersController],
  providers: [TenderParticipationService, TenderDocumentsService, UploadInterceptor],
})
export class TendersModule implements OnModuleInit {
  constructor(
    private readonly ownership: OwnershipRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The buyer that created a tender owns it. */
  onModuleInit(): void {
    this.ownership.register('tender', async (id) => {
      if (!isUuid(id)) return null;
      const [row] = await this.db.query(`SELECT buyer_organization_id FROM tenders WHERE id = $1`, [id]);
      return row?.buyer_organization_id ?? null;
    });
  }
}
