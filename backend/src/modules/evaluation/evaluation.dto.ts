import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HABILITANTE_STATES,
  type BidReviewInput,
  type CommitteeInput,
  type HabilitanteState,
  type ObservationInput,
  type PublishReportInput,
  type VerifiedClaims,
} from '@eslabon/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE, Text } from '../../core/http/dto-fields';

const Percent = () => applyDecorators(ApiProperty({ minimum: 0, maximum: 100 }), IsInt(), Min(0), Max(100));
const Flag = () => applyDecorators(ApiProperty(), IsBoolean());

export class CommitteeDto implements CommitteeInput {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  userIds!: string[];
}

class VerifiedClaimsDto implements VerifiedClaims {
  @Flag()
  nationalStatusVerified!: boolean;

  @Flag()
  disabilityBonus!: boolean;

  @Flag()
  womanHeadOfHousehold!: boolean;

  @Percent()
  disabilityPayrollPercent!: number;

  @Percent()
  olderWorkersPercent!: number;

  @Percent()
  ethnicPayrollPercent!: number;

  @Flag()
  reincorporation!: boolean;

  @Percent()
  mipymePaymentsPercent!: number;

  @Flag()
  bicMipyme!: boolean;
}

export class BidReviewDto implements BidReviewInput {
  @ApiProperty({ enum: HABILITANTE_STATES })
  @IsIn(HABILITANTE_STATES)
  habilitante!: HabilitanteState;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note!: string | null;

  /** Per lot id, per criteria part key; checked against the criteria by the service. */
  @ApiProperty({ example: { 'lot-id': { quality: 15.5 } } })
  @IsObject()
  scores!: Record<string, Record<string, number>>;

  @ApiProperty({ type: VerifiedClaimsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => VerifiedClaimsDto)
  verified!: VerifiedClaimsDto;
}

export class PublishReportDto implements PublishReportInput {
  @ApiProperty({ example: '2026-12-10', description: 'Last Bogotá day for observations' })
  @IsDateString(ISO_DATE)
  commentUntil!: string;
}

export class ObservationDto implements ObservationInput {
  @ApiProperty()
  @Text(4000)
  text!: string;
}

export class ObservationAnswerDto {
  @ApiProperty()
  @Text(4000)
  answer!: string;
}
