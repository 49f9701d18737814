import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BUYER_ROLES, SUPPLIER_ROLES, type PlanLinePage, type PlanLineView, type Role } from '@eslabon/contracts';
import type { Actor } from '../../core/audit/actor';
import { activeMembership, type AuthContext } from '../../core/auth/auth-context';
import { Authorize, CurrentActor, CurrentAuth, Public } from '../../core/auth/auth.decorators';
import { PlanLineDto, PlanLineListQueryDto, PlanLineQueryDto } from './plan-lines.dto';
import { PlanLinesService } from './plan-lines.service';

/** The line's own buyer; another organization's line answers 404. */
const OWN_LINE = { roles: BUYER_ROLES, resource: { type: 'plan_line', param: 'planLineId' } } as const;
const UUID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_FOUND });

/** The supplier the signed-in user acts for: its active organization, when it holds a supplier role there. */
function supplierOf(auth: AuthContext | undefined): string | null {
  const active = activeMembership(auth);
  return active && (SUPPLIER_ROLES as readonly Role[]).includes(active.role) ? active.organizationId : null;
}

@ApiTags('procurement plans')
@Controller()
export class PlanLinesController {
  constructor(private readonly plans: PlanLinesService) {}

  @Authorize({ roles: BUYER_ROLES, resource: { type: 'buyer', param: 'organizationId' }, crossOrganizationRoles: ['admin', 'officer'] })
  @Get('buyers/:organizationId/plan-lines')
  buyerLines(@Param('organizationId') organizationId: string, @Query() query: PlanLineListQueryDto): Promise<PlanLineView[]> {
    return this.plans.buyerLines(organizationId, query.year);
  }

  @Authorize({ roles: BUYER_ROLES, resource: { type: 'buyer', param: 'organizationId' } })
  @Post('buyers/:organizationId/plan-lines')
  create(@Param('organizationId') organizationId: string, @Body() input: PlanLineDto, @CurrentActor() actor: Actor): Promise<PlanLineView> {
    return this.plans.create(organizationId, input, actor);
  }

  @Authorize(OWN_LINE)
  @Put('plan-lines/:planLineId')
  update(@Param('planLineId') planLineId: string, @Body() input: PlanLineDto, @CurrentActor() actor: Actor): Promise<PlanLineView> {
    return this.plans.update(planLineId, input, actor);
  }

  @Authorize(OWN_LINE)
  @Delete('plan-lines/:planLineId')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('planLineId') planLineId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.plans.remove(planLineId, actor);
  }

  @Authorize(OWN_LINE)
  @Post('plan-lines/:planLineId/publish')
  @HttpCode(HttpStatus.OK)
  publish(@Param('planLineId') planLineId: string, @CurrentActor() actor: Actor): Promise<PlanLineView> {
    return this.plans.publish(planLineId, actor);
  }

  /** Published lines only; a signed-in supplier also learns which ones it marked. */
  @Public()
  @Get('public/plan-lines')
  publicLines(@Query() query: PlanLineQueryDto, @CurrentAuth() auth: AuthContext | undefined): Promise<PlanLinePage> {
    return this.plans.publicLines(query, supplierOf(auth));
  }

  @Authorize({ roles: SUPPLIER_ROLES, inActiveOrganization: true })
  @Put('plan-lines/:planLineId/interest')
  @HttpCode(HttpStatus.NO_CONTENT)
  markInterest(@Param('planLineId', UUID) planLineId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.plans.setInterest(planLineId, actor.organizationId as string, true, actor);
  }

  @Authorize({ roles: SUPPLIER_ROLES, inActiveOrganization: true })
  @Delete('plan-lines/:planLineId/interest')
  @HttpCode(HttpStatus.NO_CONTENT)
  withdrawInterest(@Param('planLineId', UUID) planLineId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.plans.setInterest(planLineId, actor.organizationId as string, false, actor);
  }
}
