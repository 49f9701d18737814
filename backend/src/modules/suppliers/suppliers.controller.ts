import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ROLES,
  type SupplierDirectoryPage,
  type SupplierDocumentView,
  type SupplierProfileView,
  type SupplierPublicView,
} from '@eslabon/contracts';
import type { Response } from 'express';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/attachment';
import { RequestWithUpload, UploadInterceptor } from '../../core/storage/upload.interceptor';
import {
  DocumentUploadDto,
  SupplierCapabilitiesDto,
  SupplierDirectoryQueryDto,
  SupplierIdentityDto,
  SupplierLegalStandingDto,
  VerificationDto,
} from './suppliers.dto';
import { SupplierDirectoryService } from './supplier-directory.service';
import { SupplierDocumentsService } from './supplier-documents.service';
import { SuppliersService } from './suppliers.service';

const SUPPLIER = { type: 'supplier', param: 'organizationId' };
/** The supplier's own members edit; platform admins (verification) and officers (oversight) may read. */
const OWN = { roles: ['supplier_admin', 'supplier_member'], resource: SUPPLIER } as const;
const OWN_OR_OVERSIGHT = { ...OWN, crossOrganizationRoles: ['admin', 'officer'] } as const;

@ApiTags('suppliers')
@Controller()
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly documents: SupplierDocumentsService,
    private readonly directoryService: SupplierDirectoryService,
  ) {}

  /** Public data of registered suppliers, for anyone signed in; never income or documents. */
  @Authorize({ roles: ROLES })
  @Get('suppliers')
  directory(@Query() query: SupplierDirectoryQueryDto): Promise<SupplierDirectoryPage> {
    return this.directoryService.directory(query);
  }

  @Authorize({ roles: ROLES })
  @Get('suppliers/:organizationId')
  publicProfile(@Param('organizationId') organizationId: string): Promise<SupplierPublicView> {
    return this.directoryService.publicProfile(organizationId);
  }

  @Authorize(OWN_OR_OVERSIGHT)
  @Get('suppliers/:organizationId/profile')
  profile(@Param('organizationId') organizationId: string): Promise<SupplierProfileView> {
    return this.suppliers.profile(organizationId);
  }

  @Authorize(OWN)
  @Put('suppliers/:organizationId/profile/identity')
  saveIdentity(
    @Param('organizationId') organizationId: string,
    @Body() input: SupplierIdentityDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupplierProfileView> {
    return this.suppliers.saveIdentity(organizationId, input, actor);
  }

  @Authorize(OWN)
  @Put('suppliers/:organizationId/profile/legal')
  saveLegal(
    @Param('organizationId') organizationId: string,
    @Body() input: SupplierLegalStandingDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupplierProfileView> {
    return this.suppliers.saveLegal(organizationId, input, actor);
  }

  @Authorize(OWN)
  @Put('suppliers/:organizationId/profile/capabilities')
  saveCapabilities(
    @Param('organizationId') organizationId: string,
    @Body() input: SupplierCapabilitiesDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupplierProfileView> {
    return this.suppliers.saveCapabilities(organizationId, input, actor);
  }

  /** multipart/form-data with `type` and one `file` (PDF, PNG or JPEG, up to UPLOAD_MAX_SIZE). */
  @Authorize(OWN)
  @Post('suppliers/:organizationId/documents')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'file'],
      properties: { type: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  upload(
    @Param('organizationId') organizationId: string,
    @Body() input: DocumentUploadDto,
    @Req() req: RequestWithUpload,
    @CurrentActor() actor: Actor,
  ): Promise<SupplierDocumentView> {
    return this.documents.upload(organizationId, input.type, req.file, actor);
  }

  @Authorize(OWN_OR_OVERSIGHT)
  @Get('suppliers/:organizationId/documents/:documentId')
  async download(
    @Param('organizationId') organizationId: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { row, body } = await this.documents.read(organizationId, documentId);
    return attachment(res, row, body);
  }

  @Authorize(OWN)
  @Delete('suppliers/:organizationId/documents/:documentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  deleteDocument(
    @Param('organizationId') organizationId: string,
    @Param('documentId') documentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.documents.delete(organizationId, documentId, actor);
  }

  @Authorize({ roles: ['admin'] })
  @Put('admin/suppliers/:organizationId/verification')
  verify(
    @Param('organizationId') organizationId: string,
    @Body() input: VerificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupplierProfileView> {
    return this.suppliers.verify(organizationId, input, actor);
  }
}
