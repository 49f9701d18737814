import {
  NOTIFICATION_FREQUENCIES,
  type NotificationFrequency,
  type NotificationPreferences,
  type SavedSearchInput,
} from '@eslabon/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmptyObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { PageNumber, PageSize, Text } from '../../core/http/dto-fields';
import { TenderSearchQueryDto } from '../search/search.dto';

export class NotificationListQueryDto {
  @PageNumber()
  page?: number;

  @PageSize()
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Only unread notices' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationPreferencesDto implements NotificationPreferences {
  @ApiProperty({ enum: NOTIFICATION_FREQUENCIES })
  @IsIn(NOTIFICATION_FREQUENCIES)
  tenderMatches!: NotificationFrequency;

  @ApiProperty({ enum: NOTIFICATION_FREQUENCIES })
  @IsIn(NOTIFICATION_FREQUENCIES)
  savedSearches!: NotificationFrequency;
}

export class SavedSearchDto implements SavedSearchInput {
  @Text(100)
  name!: string;

  @ApiProperty({ type: TenderSearchQueryDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => TenderSearchQueryDto)
  query!: TenderSearchQueryDto;
}

export class UnsubscribeDto {
  @IsString()
  token!: string;
}
