import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AwardDecisionInput, AwardInput, ContractCloseInput, ContractRatingInput } from '@eslabon/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class AwardDecisionDto implements AwardDecisionInput {
  @ApiProperty()
  @IsUUID()
  lotId!: string;

  @ApiProperty({ enum: ['awarded', 'void'] })
  @IsIn(['awarded', 'void'])
  outcome!: 'awarded' | 'void';

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason!: string | null;

  /** Checked by the service: required for an awarded lot. */
  @ApiPropertyOptional({ nullable: true, example: '2027-01-15' })
  @IsOptional()
  @IsString()
  startDate!: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-06-30' })
  @IsOptional()
  @IsString()
  endDate!: string | null;
}

export class AwardDto implements AwardInput {
  @ApiProperty({ type: [AwardDecisionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AwardDecisionDto)
  decisions!: AwardDecisionDto[];
}

class RatingDto implements ContractRatingInput {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  onTime!: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  quality!: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  documentation!: number;
}

export class ContractCloseDto implements ContractCloseInput {
  @ApiProperty({ enum: ['completed', 'terminated'] })
  @IsIn(['completed', 'terminated'])
  outcome!: 'completed' | 'terminated';

  @ApiPropertyOptional({ type: RatingDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating!: RatingDto | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason!: string | null;
}
