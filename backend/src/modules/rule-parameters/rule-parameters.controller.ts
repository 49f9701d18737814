import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { RULE_PARAMETERS, type NewRuleParameterVersion, type RuleParameter, type RuleParameterVersionView } from '@eslabon/contracts';
import { IsDefined, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { RuleParametersService } from './rule-parameters.service';

class NewRuleParameterVersionDto implements NewRuleParameterVersion {
  @ApiProperty({ enum: RULE_PARAMETERS })
  @IsIn(RULE_PARAMETERS)
  parameter!: RuleParameter;

  @ApiProperty({ description: 'A year (uvt, smmlv), a biennium such as 2025-2026 (mipyme_call_threshold) or "all"', example: '2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  period!: string;

  @ApiProperty({ description: 'Whole COP for uvt and smmlv; an object or list for the others (see the current version)', example: 52374 })
  @IsDefined()
  value!: unknown;

  @ApiProperty({ example: '2026-01-01' })
  @IsISO8601({ strict: true })
  validFrom!: string;

  @ApiProperty({ example: 'DIAN, Resolución 000238 de 2025' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@ApiTags('reference data')
@Controller('reference/rule-parameters')
export class RuleParametersController {
  constructor(private readonly parameters: RuleParametersService) {}

  /** Every version with its source; the figures are public law, so anyone may read them. */
  @Public()
  @Get()
  list(): Promise<RuleParameterVersionView[]> {
    return this.parameters.list();
  }

  /** A platform admin records a correction or a new year's figure. */
  @Authorize({ roles: ['admin'] })
  @Post()
  create(@Body() input: NewRuleParameterVersionDto, @CurrentActor() actor: Actor): Promise<RuleParameterVersionView> {
    return this.parameters.create(input, actor);
  }
}
