import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BID_ENVELOPES,
  NATIONAL_INDUSTRY_STATUSES,
  type BidDocumentRef,
  type BidEnvelope,
  PLURAL_BIDDER_KINDS,
  type BidClaims,
  type BidInput,
  type BidLotInput,
  type NationalIndustryStatus,
  type PluralBidderInput,
  type PluralBidderKind,
  type PluralMemberInput,
} from '@eslabon/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NitDigits } from '../../core/http/colombian-ids';
import { Text, WholeCop } from '../../core/http/dto-fields';

/** A whole percent, 0 to 100. */
const Percent = () => applyDecorators(ApiProperty({ minimum: 0, maximum: 100 }), IsInt(), Min(0), Max(100));

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

class BidClaimsDto implements BidClaims {
  @ApiProperty()
  @IsBoolean()
  disabilityBonus!: boolean;

  @ApiProperty()
  @IsBoolean()
  womanHeadOfHousehold!: boolean;

  @Percent()
  disabilityPayrollPercent!: number;

  @Percent()
  olderWorkersPercent!: number;

  @Percent()
  ethnicPayrollPercent!: number;

  @ApiProperty()
  @IsBoolean()
  reincorporation!: boolean;

  @Percent()
  mipymePaymentsPercent!: number;

  @ApiProperty()
  @IsBoolean()
  bicMipyme!: boolean;
}

class PluralMemberDto implements PluralMemberInput {
  @NitDigits()
  nit!: string;

  @ApiProperty()
  @Text()
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  participationPercent!: number;

  @ApiProperty()
  @IsBoolean()
  mipyme!: boolean;
}

class PluralBidderDto implements PluralBidderInput {
  @ApiProperty({ enum: PLURAL_BIDDER_KINDS })
  @IsIn(PLURAL_BIDDER_KINDS)
  kind!: PluralBidderKind;

  @ApiProperty()
  @Text()
  name!: string;

  @ApiProperty({ type: [PluralMemberDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PluralMemberDto)
  members!: PluralMemberDto[];
}

class BidDocumentRefDto implements BidDocumentRef {
  @ApiProperty()
  @IsUUID()
  documentId!: string;

  @ApiProperty({ enum: BID_ENVELOPES })
  @IsIn(BID_ENVELOPES)
  envelope!: BidEnvelope;

  @ApiProperty({ example: 'certificado-existencia.pdf' })
  @Text(200)
  name!: string;

  @ApiProperty({ description: 'SHA-256 (hex) the upload answered' })
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 in hex' })
  sha256!: string;
}

/** multipart/form-data: `envelope` and one `file`. */
export class BidDocumentDto {
  @ApiProperty({ enum: BID_ENVELOPES })
  @IsIn(BID_ENVELOPES)
  envelope!: BidEnvelope;
}

export class BidDto implements BidInput {
  @ApiProperty({ type: [BidLotDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BidLotDto)
  lots!: BidLotDto[];

  @ApiProperty({ type: BidClaimsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BidClaimsDto)
  claims!: BidClaimsDto;

  @ApiPropertyOptional({ type: PluralBidderDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PluralBidderDto)
  plural!: PluralBidderDto | null;

  @ApiPropertyOptional({ type: [BidDocumentRefDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => BidDocumentRefDto)
  documents?: BidDocumentRefDto[];
}
