import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditVerification } from '@eslabon/contracts';
import { Authorize } from '../auth/auth.decorators';
import { AuditService, AuditTrailEntry } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Recomputes the whole hash chain and names the first row that does not fit. */
  @Authorize({ roles: ['admin', 'officer'] })
  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }

  /** An organization's history: its administrators, officers and platform admins may read it. */
  @Authorize({
    roles: ['buyer_admin', 'supplier_admin'],
    resource: { type: 'organization', param: 'organizationId' },
    crossOrganizationRoles: ['officer', 'admin'],
  })
  @Get('organizations/:organizationId')
  organizationTrail(@Param('organizationId') organizationId: string): Promise<AuditTrailEntry[]> {
    return this.audit.trail('organization', organizationId);
  }
}
