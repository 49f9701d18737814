import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { DATASETS, Dataset } from './reference-csv';
import { LoadResult, ReferenceDataService, UnspscNode } from './reference-data.service';

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

  @Public()
  @Get('divipola/departments')
  departments(): Promise<{ code: string; name: string }[]> {
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
