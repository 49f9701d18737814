import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DepartmentView, UnspscSuggestion } from '@eslabon/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { DATASETS, Dataset } from './reference-csv';
import { LoadResult, ReferenceDataService, UnspscNode, UnspscSynonymView } from './reference-data.service';

class UnspscChildrenQuery {
  @ApiPropertyOptional({ description: 'Code of a segment (2 digits) or family (4); omit for the segments' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4})$/, { message: 'parent must be a segment (2 digits) or family (4 digits) code' })
  parent?: string;
}

class UnspscSearchQuery {
  @ApiProperty({ description: 'Words of the name (accents and case ignored) or the start of a code', example: 'computadores' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

class UnspscSuggestQuery {
  // Checks run last first, and the first failing one names the error: "required" before "too_long".
  @ApiProperty({ description: 'What the firm sells, in its own words', example: 'hacemos mantenimiento a aires acondicionados' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  text!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

class CreateSynonymDto {
  // Checks run last first, and the first failing one names the error: "required" before "too_long".
  @ApiProperty({ description: 'Everyday word or phrase; stored lower case without accents', example: 'tapabocas' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  term!: string;

  @ApiProperty({
    description: 'Words of the official UNSPSC names the term stands for, and/or 6-digit class codes; it replaces the term',
    example: 'protección respiración 461820',
  })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  expansion!: string;
}

class SynonymParams {
  @IsUUID()
  id!: string;
}

class MunicipalitiesQuery {
  @ApiProperty({ example: '05', description: 'DIVIPOLA department code (2 digits)' })
  @Matches(/^\d{2}$/, { message: 'department must be a 2-digit DIVIPOLA code' })
  department!: string;
}

class DatasetParams {
  @IsIn(DATASETS)
  dataset!: Dataset;
}

class LoadDatasetDto {
  @ApiProperty({ description: 'The whole file, CSV with the shipped file’s header' })
  @IsString()
  @IsNotEmpty()
  csv!: string;

  @ApiProperty({ example: 'Colombia Compra Eficiente, clasificador UNSPSC v14.080 (2026)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;
}

@ApiTags('reference data')
@Controller('reference')
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Public()
  @Get('unspsc')
  unspscChildren(@Query() query: UnspscChildrenQuery): Promise<UnspscNode[]> {
    return this.reference.children(query.parent);
  }

  @Public()
  @Get('unspsc/search')
  unspscSearch(@Query() query: UnspscSearchQuery): Promise<UnspscNode[]> {
    return this.reference.search(query.q, query.limit ?? 20);
  }

  /** Ranked UNSPSC classes for a supplier's own description of what it sells. */
  @Public()
  @Get('unspsc/suggest')
  unspscSuggest(@Query() query: UnspscSuggestQuery): Promise<UnspscSuggestion[]> {
    return this.reference.suggest(query.text, query.limit ?? 10);
  }

  @Authorize({ roles: ['admin'] })
  @Get('unspsc/synonyms')
  unspscSynonyms(): Promise<UnspscSynonymView[]> {
    return this.reference.synonyms();
  }

  @Authorize({ roles: ['admin'] })
  @Post('unspsc/synonyms')
  addUnspscSynonym(@Body() input: CreateSynonymDto, @CurrentActor() actor: Actor): Promise<UnspscSynonymView> {
    return this.reference.addSynonym(input.term, input.expansion, actor);
  }

  @Authorize({ roles: ['admin'] })
  @Delete('unspsc/synonyms/:id')
  @HttpCode(204)
  removeUnspscSynonym(@Param() params: SynonymParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.reference.removeSynonym(params.id, actor);
  }

  @Public()
  @Get('divipola/departments')
  departments(): Promise<DepartmentView[]> {
    return this.reference.departments();
  }

  @Public()
  @Get('divipola/municipalities')
  municipalities(@Query() query: MunicipalitiesQuery): Promise<{ code: string; name: string; departmentCode: string }[]> {
    return this.reference.municipalities(query.department);
  }

  /** A platform admin loads a newer official file; a file with errors changes nothing. */
  @Authorize({ roles: ['admin'] })
  @Put(':dataset')
  load(@Param() params: DatasetParams, @Body() input: LoadDatasetDto, @CurrentActor() actor: Actor): Promise<LoadResult> {
    return this.reference.load(params.dataset, input.csv, input.source, actor);
  }
}
