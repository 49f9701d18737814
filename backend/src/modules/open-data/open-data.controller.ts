import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OpenAwardPage, OpenDataIndex, OpenTenderPage } from '@eslabon/contracts';
import type { Response } from 'express';
import { Public } from '../../core/auth/auth.decorators';
import { CSV_BOM, csvLine } from '../../core/http/csv';
import { RateLimit } from '../../core/http/rate-limit';
import { TenderSearchQueryDto } from '../search/search.dto';
import { OpenAwardQueryDto } from './open-data.dto';
import { OpenDataService } from './open-data.service';

const OPEN = { bucket: 'open-data', limit: 120, windowSeconds: 60 };
const CSV_COLUMNS = [
  'awardId',
  'ocid',
  'tenderReference',
  'tenderTitle',
  'buyerName',
  'executionDepartment',
  'modality',
  'lotTitle',
  'outcome',
  'decidedAt',
  'supplierName',
  'sizeClass',
  'nationalIndustry',
  'valueCop',
] as const;

/** Public, unauthenticated and rate-limited; responses may be cached by browsers and proxies for five minutes. */
@ApiTags('open data')
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @Get()
  index(): OpenDataIndex {
    return this.openData.index();
  }

  @Public()
  @RateLimit(OPEN)
  @Header('Cache-Control', 'public, max-age=300')
  @Get('tenders')
  tenders(@Query() query: TenderSearchQueryDto): Promise<OpenTenderPage> {
    return this.openData.tenders(query);
  }

  @Public()
  @RateLimit(OPEN)
  @Header('Cache-Control', 'public, max-age=300')
  @Get('awards')
  awards(@Query() query: OpenAwardQueryDto): Promise<OpenAwardPage> {
    return this.openData.awards(query);
  }

  @Public()
  @RateLimit({ bucket: 'open-data-csv', limit: 20, windowSeconds: 3600 })
  @Get('awards.csv')
  async awardsCsv(@Query() query: OpenAwardQueryDto, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="eslabon-adjudicaciones.csv"');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.write(CSV_BOM + csvLine(CSV_COLUMNS));
    for await (const batch of this.openData.allAwards(query)) res.write(batch.map((a) => csvLine(CSV_COLUMNS.map((c) => a[c]))).join(''));
    res.end();
  }
}
