import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BUYER_ENTITY_KINDS,
  CONTRACTING_REGIMES,
  PRODUCTIVE_BETS,
  type BuyerEntityKind,
  type BuyerProfileInput,
  type ContractingRegime,
  type ProductiveBet,
} from '@eslabon/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class BuyerProfileDto implements BuyerProfileInput {
  @ApiProperty({ enum: BUYER_ENTITY_KINDS })
  @IsIn(BUYER_ENTITY_KINDS)
  entityKind!: BuyerEntityKind;

  @ApiProperty({
    enum: CONTRACTING_REGIMES,
    description: 'egcap: Ley 80/1993 and Ley 1150/2007; special: its own manual (e.g. state companies)',
  })
  @IsIn(CONTRACTING_REGIMES)
  regime!: ContractingRegime;

  @ApiPropertyOptional({ nullable: true, description: 'Required for a special regime: the procurement manual that governs it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  regimeReference!: string | null;

  @ApiProperty({ example: '899999068' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[.\s]/g, '') : value))
  @Matches(/^\d{6,15}$/, { message: 'nit must have 6 to 15 digits' })
  nit!: string;

  @ApiProperty({ example: '1' })
  @Matches(/^\d$/, { message: 'checkDigit must be one digit' })
  checkDigit!: string;

  @ApiProperty({ example: '11001' })
  @Matches(/^\d{5}$/, { message: 'municipality must be a 5-digit DIVIPOLA code' })
  municipality!: string;

  @ApiProperty({ example: 450000, description: 'Annual budget in whole SMMLV' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  annualBudgetSmmlv!: number;

  @ApiProperty({ enum: PRODUCTIVE_BETS, isArray: true })
  @IsArray()
  @ArrayMaxSize(PRODUCTIVE_BETS.length)
  @IsIn(PRODUCTIVE_BETS, { each: true })
  productiveBets!: ProductiveBet[];
}
