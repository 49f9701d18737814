import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { ServerConfig } from '@eslabon/config';
import { AuthModule } from './core/auth/auth.module';
import { CoreModule } from './core/core.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ReferenceDataModule } from './modules/reference-data/reference-data.module';
import { HealthModule } from './modules/health/health.module';
import { BuyersModule } from './modules/buyers/buyers.module';
import { RuleParametersModule } from './modules/rule-parameters/rule-parameters.module';
import { SuppliersModule } from './modules/suppliers/suppliers.module';
import { StorageModule } from './core/storage/storage.module';
import { TendersModule } from './modules/tenders/tenders.module';
import { PlanLinesModule } from './modules/procurement-plans/plan-lines.module';
import { BidsModule } from './modules/bids/bids.module';
import { EvaluationModule } from './modules/evaluation/evaluation.module';
import { AwardsModule } from './modules/awards/awards.module';
import { SearchEngineModule, SearchModule } from './modules/search/search.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { OcdsModule } from './modules/ocds/ocds.module';
import { ReportsModule } from './modules/reports/reports.module';
import { QueueAdminModule } from './modules/queue-admin/failed-jobs.controller';

/** The HTTP API process; it also serves the built Angular app when one is configured. */
@Module({})
export class AppModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        AuthModule,
        HealthModule,
        AccountsModule,
        ReferenceDataModule,
        StorageModule,
        RuleParametersModule,
        SuppliersModule,
        BuyersModule,
        SearchEngineModule,
        // Before TendersModule: its public/tenders/:tenderId would otherwise take public/tenders/suggestions.
        SearchModule,
        TendersModule,
        PlanLinesModule,
        BidsModule,
        EvaluationModule,
        ReportsModule,
        OcdsModule,
        OpenDataModule,
        AwardsModule,
        NotificationsModule,
        QueueAdminModule,
        ...(config.frontendDist ? [ServeStaticModule.forRoot({ rootPath: config.frontendDist, exclude: ['/api/{*path}'] })] : []),
      ],
    };
  }
}
