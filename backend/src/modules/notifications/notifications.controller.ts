import type { UnsubscribeCategory, NotificationPage, NotificationPreferences, SavedSearchView } from '@eslabon/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../core/auth/auth-context';
import { CurrentAuth, Public, SignedIn } from '../../core/auth/auth.decorators';
import { NotificationListQueryDto, NotificationPreferencesDto, SavedSearchDto, UnsubscribeDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

const UUID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_FOUND });

/** The signed-in user's bell, e-mail choices and alerts. */
@ApiTags('notifications')
@Controller()
@SignedIn()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  list(@CurrentAuth() auth: AuthContext, @Query() query: NotificationListQueryDto): Promise<NotificationPage> {
    return this.notifications.list(auth.user.id, query);
  }

  @Get('notifications/unread-count')
  unreadCount(@CurrentAuth() auth: AuthContext): Promise<{ unread: number }> {
    return this.notifications.unreadCount(auth.user.id);
  }

  @Post('notifications/read-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  readAll(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.notifications.markAllRead(auth.user.id);
  }

  @Post('notifications/:id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  read(@CurrentAuth() auth: AuthContext, @Param('id', UUID) id: string): Promise<void> {
    return this.notifications.markRead(auth.user.id, id);
  }

  @Get('notification-preferences')
  preferences(@CurrentAuth() auth: AuthContext): Promise<NotificationPreferences> {
    return this.notifications.preferences(auth.user.id);
  }

  @Put('notification-preferences')
  setPreferences(@CurrentAuth() auth: AuthContext, @Body() body: NotificationPreferencesDto): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(auth.user.id, body);
  }

  @Get('saved-searches')
  savedSearches(@CurrentAuth() auth: AuthContext): Promise<SavedSearchView[]> {
    return this.notifications.savedSearches(auth.user.id);
  }

  @Post('saved-searches')
  saveSearch(@CurrentAuth() auth: AuthContext, @Body() body: SavedSearchDto): Promise<SavedSearchView> {
    return this.notifications.saveSearch(auth.user.id, body);
  }

  @Delete('saved-searches/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  deleteSearch(@CurrentAuth() auth: AuthContext, @Param('id', UUID) id: string): Promise<void> {
    return this.notifications.deleteSearch(auth.user.id, id);
  }
}

/** Unsubscribe links from e-mails: no session needed, the signed token is the proof. */
@ApiTags('notifications')
@Controller('public/unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  unsubscribe(@Body() body: UnsubscribeDto): Promise<{ category: UnsubscribeCategory }> {
    return this.notifications.unsubscribe(body.token);
  }

  /** RFC 8058: the mail client's own unsubscribe button POSTs here, with the token in the address. */
  @Post('one-click')
  @HttpCode(HttpStatus.OK)
  oneClick(@Query() query: UnsubscribeDto): Promise<{ category: UnsubscribeCategory }> {
    return this.notifications.unsubscribe(query.token);
  }
}
