import type { SearchSuggestion, TenderSearchResult } from '@eslabon/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/auth.decorators';
import { SuggestionQueryDto, TenderSearchQueryDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Published tenders (never drafts) with words, filters, facet counts, sorts and pages. */
  @Public()
  @Get('public/tenders')
  tenders(@Query() query: TenderSearchQueryDto): Promise<TenderSearchResult> {
    return this.search.searchTenders(query);
  }

  @Public()
  @Get('public/tenders/suggestions')
  suggestions(@Query() query: SuggestionQueryDto): Promise<SearchSuggestion[]> {
    return this.search.suggestions(query.q);
  }
}
