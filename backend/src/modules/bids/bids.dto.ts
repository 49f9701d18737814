import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NATIONAL_INDUSTRY_STATUSES, type BidInput, type BidLotInput, type NationalIndustryStatus } from '@eslabon/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { WholeCop } from '../../core/http/dto-fields';

class BidLotDto implements BidLotInput {
  @ApiProperty()
  @IsUUID()
  lotId!: string;

  @WholeCop('148500000')
  priceCop!: string;

  @ApiProperty({ enum: NATIONAL_INDUSTRY_STATUSES })
  @IsIn(NATIONAL_INDUSTRY_STATUSES)
  nationalIndustry!: NationalIndustryStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Colombian component of a foreign offer, whole percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  nationalComponentPercent!: number | null;
}

export class BidDto implements BidInput {
  @ApiProperty({ type: [BidLotDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BidLotDto)
  lots!: BidLotDto[];
}
