import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ORGANIZATION_STATUSES, type MembersResponse, type OrganizationStatus, type OrganizationView } from '@eslabon/contracts';
import { IsIn, IsOptional } from 'class-validator';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor } from '../../core/auth/auth.decorators';
import { InvitationDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

const ORGANIZATION = { type: 'organization', param: 'organizationId' };

class OrganizationsQuery {
  @IsOptional()
  @IsIn(ORGANIZATION_STATUSES)
  status?: OrganizationStatus;
}

@ApiTags('organizations')
@Controller()
export class OrganizationsController {
  constructor(private readonly accounts: AccountsService) {}

  @Authorize({ roles: ['buyer_admin', 'supplier_admin'], resource: ORGANIZATION })
  @Get('organizations/:organizationId/members')
  members(@Param('organizationId') organizationId: string): Promise<MembersResponse> {
    return this.accounts.members(organizationId);
  }

  @Authorize({ roles: ['buyer_admin', 'supplier_admin'], resource: ORGANIZATION })
  @Post('organizations/:organizationId/invitations')
  invite(
    @Param('organizationId') organizationId: string,
    @Body() input: InvitationDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ invitationId: string }> {
    return this.accounts.invite(organizationId, input.email, input.role, actor);
  }

  /** Platform admins review state bodies' requests for access. */
  @Authorize({ roles: ['admin'] })
  @Get('admin/organizations')
  organizations(@Query() query: OrganizationsQuery): Promise<OrganizationView[]> {
    return this.accounts.organizations(query.status ?? 'pending_approval');
  }

  @Authorize({ roles: ['admin'] })
  @Post('admin/organizations/:organizationId/approve')
  @HttpCode(HttpStatus.OK)
  approve(@Param('organizationId') organizationId: string, @CurrentActor() actor: Actor): Promise<OrganizationView> {
    return this.accounts.decide(organizationId, 'approve', actor);
  }

  @Authorize({ roles: ['admin'] })
  @Post('admin/organizations/:organizationId/reject')
  @HttpCode(HttpStatus.OK)
  reject(@Param('organizationId') organizationId: string, @CurrentActor() actor: Actor): Promise<OrganizationView> {
    return this.accounts.decide(organizationId, 'reject', actor);
  }
}
