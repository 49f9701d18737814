import { Module } from '@nestjs/common';
import { NotificationsController, UnsubscribeController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

@Module({
  controllers: [NotificationsController, UnsubscribeController],
  providers: [NotificationsService, UnsubscribeTokens],
})
export class NotificationsModule {}
