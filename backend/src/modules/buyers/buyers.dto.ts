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
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CheckDigit, MunicipalityCode, NitDigits } from '../../core/http/colombian-ids';

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

  @NitDigits('899999068')
  nit!: string;

  @CheckDigit('1')
  checkDigit!: string;

  @MunicipalityCode('11001')
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
