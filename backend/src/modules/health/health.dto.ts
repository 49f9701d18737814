import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DependencyCheck, HealthResponse, HealthStatus, WorkerCheck } from '@eslabon/contracts';

class DependencyCheckDto implements DependencyCheck {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ description: 'Round-trip time of the check, in milliseconds' })
  latencyMs!: number;

  @ApiPropertyOptional({ enum: ['timeout', 'unavailable'], description: 'Why the check failed (details are in the server log)' })
  error?: 'timeout' | 'unavailable';
}

class WorkerCheckDto implements WorkerCheck {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastHeartbeatAt!: string | null;

  @ApiProperty({ description: 'Worker processes connected to the queues' })
  activeWorkers!: number;
}

class HealthChecksDto {
  @ApiProperty()
  database!: DependencyCheckDto;

  @ApiProperty()
  redis!: DependencyCheckDto;

  @ApiProperty()
  worker!: WorkerCheckDto;
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({
    enum: ['ok', 'degraded', 'error'],
    description: 'error (HTTP 503): database or Redis down; degraded: no worker heartbeat lately',
  })
  status!: HealthStatus;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty()
  checks!: HealthChecksDto;
}
