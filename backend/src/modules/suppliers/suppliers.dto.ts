import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COVERAGE_SCOPES,
  DOCUMENT_TYPES,
  PERSON_TYPES,
  SIZE_CLASS_FILTERS,
  SUPPLIER_TYPES,
  type CoverageScope,
  type DocumentType,
  type NationalProductInput,
  type PersonType,
  type ShareHeldInput,
  type SupplierCapabilities,
  type SupplierDirectoryQuery,
  type SupplierIdentity,
  type SupplierLegalStanding,
  type SupplierType,
  type TieBreakFacts,
  type VerificationRequest,
  type WomenLedInput,
} from '@eslabon/contracts';
import { SECTORS, type Sector } from '@eslabon/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE, Text } from '../../core/http/dto-fields';
import { CheckDigit, MunicipalityCode, NitDigits } from '../../core/http/colombian-ids';

export class SupplierIdentityDto implements SupplierIdentity {
  @ApiProperty({ enum: PERSON_TYPES })
  @IsIn(PERSON_TYPES)
  personType!: PersonType;

  @ApiProperty({ example: 'Confecciones La Esperanza S.A.S.' })
  @Text()
  legalName!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  tradeName!: string | null;

  @NitDigits('900123456')
  nit!: string;

  @CheckDigit('8')
  checkDigit!: string;

  @ApiProperty({ example: 'María Fernanda Rojas' })
  @Text()
  legalRepresentative!: string;

  @ApiProperty({ example: 'ventas@laesperanza.co' })
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiProperty({ example: '+57 310 555 0101' })
  @Matches(/^\+?[\d\s()-]{7,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone!: string;

  @MunicipalityCode()
  domicileMunicipality!: string;

  @ApiProperty({ enum: COVERAGE_SCOPES })
  @IsIn(COVERAGE_SCOPES)
  coverageScope!: CoverageScope;

  @ApiProperty({ type: [String], description: 'Department (2-digit) or municipality (5-digit) codes by scope; empty when national' })
  @IsArray()
  @ArrayMaxSize(1200)
  @Matches(/^(\d{2}|\d{5})$/, { each: true, message: 'each coverage code must be a DIVIPOLA department or municipality code' })
  coverageCodes!: string[];
}

class ShareHeldDto implements ShareHeldInput {
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  women!: number;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  total!: number;

  @IsISO8601(ISO_DATE)
  since!: string;
}

class WomenLedDto implements WomenLedInput {
  @IsOptional()
  @ValidateNested()
  @Type(() => ShareHeldDto)
  ownership?: ShareHeldDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ShareHeldDto)
  management?: ShareHeldDto;

  @IsOptional()
  @IsISO8601(ISO_DATE)
  soleProprietorSince?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ShareHeldDto)
  association?: ShareHeldDto;
}

class TieBreakDto implements TieBreakFacts {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  disabilityPayrollPercent?: number;

  @IsOptional()
  @IsBoolean()
  bic?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  ethnicPayrollPercent?: number;

  @IsOptional()
  @IsBoolean()
  womanHeadOfHousehold?: boolean;

  @IsOptional()
  @IsBoolean()
  reincorporation?: boolean;
}

export class SupplierLegalStandingDto implements SupplierLegalStanding {
  @ApiProperty({ enum: SUPPLIER_TYPES })
  @IsIn(SUPPLIER_TYPES)
  supplierType!: SupplierType;

  @ApiProperty({ enum: SECTORS, description: 'The sector of the largest income (Decreto 957 de 2019)' })
  @IsIn(SECTORS)
  sector!: Sector;

  @ApiProperty({ example: '850000000', description: 'Ordinary income of incomeYear, whole COP as a decimal string' })
  @IsString()
  @Matches(/^-?\d{1,18}$/, { message: 'incomeCop must be a whole number of pesos, as digits' })
  incomeCop!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1990)
  @Max(2100)
  incomeYear!: number;

  @ApiProperty({ example: '2016-03-01' })
  @IsISO8601(ISO_DATE)
  constitutedOn!: string;

  @ApiProperty({ description: 'Evidence for each women-led criterion the firm claims' })
  @ValidateNested()
  @Type(() => WomenLedDto)
  womenLed!: WomenLedDto;

  @ApiProperty()
  @ValidateNested()
  @Type(() => TieBreakDto)
  tieBreak!: TieBreakDto;

  @ApiPropertyOptional({ description: 'Small producer of the agricultura campesina, familiar y comunitaria (Ley 2046 de 2020)' })
  @IsOptional()
  @IsBoolean()
  acfc?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  rupNumber!: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  rupExpiresOn!: string | null;
}

class NationalProductDto implements NationalProductInput {
  @Text()
  name!: string;

  @Matches(/^\d{6}$/, { message: 'unspscClass must be a 6-digit UNSPSC class code' })
  unspscClass!: string;

  @Text(50)
  rpbnNumber!: string;

  @IsISO8601(ISO_DATE)
  rpbnExpiresOn!: string;
}

export class SupplierCapabilitiesDto implements SupplierCapabilities {
  @ApiProperty({ type: [String], example: ['531021', '461815'] })
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^\d{6}$/, { each: true, message: 'each UNSPSC class must be a 6-digit code' })
  unspscClasses!: string[];

  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  certifications!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  productionCapacity!: string;

  @ApiProperty({ type: [NationalProductDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NationalProductDto)
  nationalProducts!: NationalProductDto[];
}

export class DocumentUploadDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  type!: DocumentType;
}

export class VerificationDto implements VerificationRequest {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  status!: VerificationRequest['status'];

  @ApiPropertyOptional({ description: 'Required when rejecting: the supplier reads it' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SupplierDirectoryQueryDto implements SupplierDirectoryQuery {
  @ApiPropertyOptional({ description: 'Words of the name or description' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'UNSPSC segment (2 digits), family (4) or class (6)' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/, { message: 'unspsc must be a segment, family or class code' })
  unspsc?: string;

  @ApiPropertyOptional({ description: 'DIVIPOLA department: suppliers domiciled there or covering it' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'department must be a 2-digit DIVIPOLA code' })
  department?: string;

  @ApiPropertyOptional({ enum: SIZE_CLASS_FILTERS })
  @IsOptional()
  @IsIn(SIZE_CLASS_FILTERS)
  size?: SupplierDirectoryQuery['size'];

  @ApiPropertyOptional({ enum: SUPPLIER_TYPES })
  @IsOptional()
  @IsIn(SUPPLIER_TYPES)
  supplierType?: SupplierType;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  womenLed?: boolean;

  @ApiPropertyOptional({ description: 'Only suppliers with at least one national product whose RPBN registration is in force' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  nationalProducts?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 1, description: 'Narrow the filters to reach beyond page 500' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize?: number;
}
