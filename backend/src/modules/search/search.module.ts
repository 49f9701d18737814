import { Global, Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../core/config/config.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { MeiliSearchEngine } from './meili-search.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SEARCH_ENGINE, SearchEngine } from './search-engine';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Meilisearch when MEILI_URL is set, PostgreSQL full-text search otherwise. */
export function createSearchEngine(config: Pick<ServerConfig, 'meiliUrl' | 'meiliApiKey'>, db: DataSource): SearchEngine {
  return config.meiliUrl ? new MeiliSearchEngine({ url: config.meiliUrl, apiKey: config.meiliApiKey }) : new PostgresSearchEngine(db);
}

/** The engine, for the API, the worker's index consumer and the matching jobs. */
@Global()
@Module({
  providers: [{ provide: SEARCH_ENGINE, inject: [APP_CONFIG, getDataSourceToken()], useFactory: createSearchEngine }],
  exports: [SEARCH_ENGINE],
})
export class SearchEngineModule {}

@Module({
  imports: [ReferenceDataModule],
  controllers: [SearchController],
  providers: [SearchService],
  exports: [SearchService],
})
export class SearchModule {}
