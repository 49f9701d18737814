import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** ISO dates as `YYYY-MM-DD` only, never a date-time. */
export const ISO_DATE = { strict: true } as const;

/** Required text of at most `max` characters. */
export const Text = (max = 200) => applyDecorators(IsString(), IsNotEmpty(), MaxLength(max));

/** Whole COP as a decimal string (never a float on the wire); at most 18 digits. */
export const WholeCop = (example = '150000000') =>
  applyDecorators(
    ApiProperty({ example, description: 'Whole COP as a decimal string' }),
    IsString(),
    Matches(/^\d{1,18}$/, { message: '$property must be a whole number of pesos, as digits' }),
  );

/** An optional page number of a query string (1, 2, …). */
export const PageNumber = (max = 10_000) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );

/** An optional page size of a query string. */
export const PageSize = (max = 100) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
