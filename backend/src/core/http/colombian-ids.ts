import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** A NIT's digits as people type them ("830.115.297"): dots and spaces dropped, 6 to 15 digits, no check digit. */
export const NitDigits = (example = '830115297') =>
  applyDecorators(
    ApiProperty({ example, description: 'Digits only (dots and spaces are removed), without the check digit' }),
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/[.\s]/g, '') : value)),
    Matches(/^\d{6,15}$/, { message: '$property must have 6 to 15 digits' }),
  );

/** The DIAN check digit (DV) of the NIT beside it; whether it matches is the service's check (RULES.md §9). */
export const CheckDigit = (example = '6') =>
  applyDecorators(
    ApiProperty({ example, description: 'DIAN check digit (DV)' }),
    Matches(/^\d$/, { message: '$property must be one digit' }),
  );

/** A DIVIPOLA municipality code (5 digits, a string: 05001 Medellín); whether it exists is the service's check. */
export const MunicipalityCode = (example = '05001') =>
  applyDecorators(
    ApiProperty({ example, description: 'DIVIPOLA municipality code' }),
    Matches(/^\d{5}$/, { message: '$property must be a 5-digit DIVIPOLA code' }),
  );
