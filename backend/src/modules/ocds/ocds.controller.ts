import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { Public } from '../../core/auth/auth.decorators';
import { RateLimit } from '../../core/http/rate-limit';
import { OcdsService } from './ocds.service';

export class ReleasesQueryDto {
  @ApiPropertyOptional({ description: 'Only releases dated at or after this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'Opaque cursor from links.next' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '$property must be the cursor given in links.next' })
  cursor?: string;
}

/** Open data, so public; counted per address and cacheable by any proxy for a minute. */
const OPEN = { bucket: 'open-data', limit: 120, windowSeconds: 60 };

@ApiTags('open data')
@Controller('ocds')
export class OcdsController {
  constructor(private readonly ocds: OcdsService) {}

  @Public()
  @RateLimit(OPEN)
  @Header('Cache-Control', 'public, max-age=60')
  @Get('releases')
  releases(@Query() query: ReleasesQueryDto): Promise<Record<string, unknown>> {
    return this.ocds.releasePackage(query.since, query.cursor);
  }

  @Public()
  @RateLimit(OPEN)
  @Header('Cache-Control', 'public, max-age=60')
  @Get('records/:ocid')
  record(@Param('ocid') ocid: string): Promise<Record<string, unknown>> {
    return this.ocds.recordPackage(ocid);
  }

  /** Every release in one package file, streamed as it is read. */
  @Public()
  @RateLimit({ bucket: 'ocds-bulk', limit: 6, windowSeconds: 3600 })
  @Get('bulk/releases.json')
  async bulk(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="eslabon-ocds-releases.json"');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    // A client that goes away ends the stream; there is nobody left to tell.
    await this.ocds.writeBulkPackage(res).catch(() => res.destroy());
  }
}
