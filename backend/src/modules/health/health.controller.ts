import { Controller, Get, Header, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../core/auth/auth.decorators';
import { HealthResponseDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('system')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: HealthResponseDto, description: 'Database and Redis are up (worker may be degraded)' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'Database or Redis is down' })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const result = await this.health.check();
    if (result.status === 'error') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
