import { Module } from '@nestjs/common';
import { HeartbeatModule } from '../heartbeat/heartbeat.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [HeartbeatModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
