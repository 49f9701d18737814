import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

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
