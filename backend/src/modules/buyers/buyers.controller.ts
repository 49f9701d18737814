import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BuyerProfileView } from '@eslabon/contracts';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor } from '../../core/auth/auth.decorators';
import { BuyerProfileDto } from './buyers.dto';
import { BuyersService } from './buyers.service';

const BUYER = { type: 'buyer', param: 'organizationId' };

@ApiTags('buyers')
@Controller('buyers/:organizationId/profile')
export class BuyersController {
  constructor(private readonly buyers: BuyersService) {}

  @Authorize({ roles: ['buyer_admin', 'buyer'], resource: BUYER, crossOrganizationRoles: ['admin', 'officer'] })
  @Get()
  profile(@Param('organizationId') organizationId: string): Promise<BuyerProfileView> {
    return this.buyers.profile(organizationId);
  }

  @Authorize({ roles: ['buyer_admin'], resource: BUYER })
  @Put()
  save(
    @Param('organizationId') organizationId: string,
    @Body() input: BuyerProfileDto,
    @CurrentActor() actor: Actor,
  ): Promise<BuyerProfileView> {
    return this.buyers.save(organizationId, input, actor);
  }
}
