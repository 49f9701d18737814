import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AcceptInvitationRequest,
  InvitationRequest,
  LOCALES,
  Locale,
  LoginRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  SELF_SERVICE_KINDS,
  Role,
  SignUpRequest,
} from '@eslabon/contracts';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const Password = () =>
  Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  });

export class SignUpDto implements SignUpRequest {
  @ApiProperty({ enum: SELF_SERVICE_KINDS, description: 'Suppliers are active at once; state bodies wait for approval' })
  @IsIn(SELF_SERVICE_KINDS)
  organizationKind!: SignUpRequest['organizationKind'];

  @ApiProperty({ example: 'Metalmecánica Andina S.A.S.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organizationName!: string;

  @ApiProperty({ example: 'Ana Gómez' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'ana@metalmecanica.co' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Password()
  password!: string;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  locale!: Locale;
}

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class EmailDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto extends TokenDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @Password()
  password!: string;
}

export class InvitationDto implements InvitationRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class AcceptInvitationDto extends TokenDto implements AcceptInvitationRequest {
  @ApiPropertyOptional({ description: 'Required when the invited address has no account yet' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'A new password, or the existing account’s password' })
  @IsString()
  @Password()
  password!: string;
}

export class SwitchOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;
}
