import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, UnsubscribeTokens],
})
export class NotificationsModule {}
