import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
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
  BUYER_ROLES,
  SUPPLIER_ROLES,
  type LotMatchCount,
  type MipymeRequestView,
  type QuestionView,
  type TenderDocumentView,
  type TenderPage,
  type TenderVersionView,
  type TenderView,
  type Role,
} from '@eslabon/contracts';
import type { Response } from 'express';
import type { Actor } from '../../core/audit/actor';
import { activeMembership, type AuthContext } from '../../core/auth/auth-context';
import { Authorize, CurrentActor, CurrentAuth, Public } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/attachment';
import { RequestWithUpload, UploadInterceptor } from '../../core/storage/upload.interceptor';
import { TenderDocumentsService } from './tender-documents.service';
import { TenderLifecycleService } from './tender-lifecycle.service';
import { TenderParticipationService } from './tender-participation.service';
import {
  AmendmentDto,
  AnswerDto,
  DocumentNameDto,
  LotMatchRequestDto,
  MipymeRequestDto,
  QuestionDto,
  TenderDto,
  TenderListQueryDto,
  TerritorialLimitationDto,
  TransitionDto,
} from './tenders.dto';
import { ANYONE, TendersService, Viewer } from './tenders.service';

/** The tender's own buyer; another organization's tender answers 404. */
const OWN_TENDER = { roles: BUYER_ROLES, resource: { type: 'tender', param: 'tenderId' } } as const;
/** Suppliers act for their active organization, which must be a supplier. */
const AS_SUPPLIER = { roles: SUPPLIER_ROLES, inActiveOrganization: true } as const;
const UUID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_FOUND });

/** Public pages still know a signed-in supplier, to show whether it follows or asked. */
function viewerOf(auth: AuthContext | undefined): Viewer {
  const active = activeMembership(auth);
  if (!active) return ANYONE;
  return { organizationId: active.organizationId, isOwner: false, isSupplier: (SUPPLIER_ROLES as readonly Role[]).includes(active.role) };
}

@ApiTags('tenders')
@Controller()
export class TendersController {
  constructor(
    private readonly tenders: TendersService,
    private readonly lifecycle: TenderLifecycleService,
    private readonly participation: TenderParticipationService,
    private readonly documents: TenderDocumentsService,
  ) {}

  @Authorize({ roles: BUYER_ROLES, resource: { type: 'buyer', param: 'organizationId' } })
  @Get('buyers/:organizationId/tenders')
  buyerTenders(@Param('organizationId') organizationId: string, @Query() query: TenderListQueryDto): Promise<TenderPage> {
    return this.tenders.buyerTenders(organizationId, query);
  }

  @Authorize({ roles: BUYER_ROLES, resource: { type: 'buyer', param: 'organizationId' } })
  @Post('buyers/:organizationId/tenders')
  create(@Param('organizationId') organizationId: string, @Body() input: TenderDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.create(organizationId, input, actor);
  }

  /** Suppliers that could serve each lot, by size: shown while the buyer splits the need into lots. */
  @Authorize({ roles: BUYER_ROLES })
  @Post('tenders/lot-match-counts')
  @HttpCode(HttpStatus.OK)
  lotMatchCounts(@Body() input: LotMatchRequestDto): Promise<LotMatchCount[]> {
    return this.tenders.lotMatchCounts(input.lots);
  }

  @Authorize(OWN_TENDER)
  @Get('tenders/:tenderId')
  buyerView(@Param('tenderId') tenderId: string): Promise<TenderView> {
    return this.closedOnTime(() => this.tenders.buyerView(tenderId));
  }

  @Authorize(OWN_TENDER)
  @Put('tenders/:tenderId')
  update(@Param('tenderId') tenderId: string, @Body() input: TenderDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.update(tenderId, input, actor);
  }

  @Authorize(OWN_TENDER)
  @Post('tenders/:tenderId/transitions')
  @HttpCode(HttpStatus.OK)
  transition(@Param('tenderId') tenderId: string, @Body() input: TransitionDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.lifecycle.transition(tenderId, input, actor);
  }

  @Authorize(OWN_TENDER)
  @Post('tenders/:tenderId/amendments')
  amend(@Param('tenderId') tenderId: string, @Body() input: AmendmentDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.lifecycle.amend(tenderId, input, actor);
  }

  @Authorize(OWN_TENDER)
  @Put('tenders/:tenderId/territorial-limitation')
  limitTerritory(
    @Param('tenderId') tenderId: string,
    @Body() input: TerritorialLimitationDto,
    @CurrentActor() actor: Actor,
  ): Promise<TenderView> {
    return this.lifecycle.limitTerritory(tenderId, input, actor);
  }

  @Authorize(OWN_TENDER)
  @Get('tenders/:tenderId/mipyme-requests')
  mipymeRequests(@Param('tenderId') tenderId: string): Promise<MipymeRequestView[]> {
    return this.participation.requestViews(tenderId);
  }

  /** multipart/form-data with `name` and one `file` (PDF, PNG or JPEG, up to UPLOAD_MAX_SIZE). */
  @Authorize(OWN_TENDER)
  @Post('tenders/:tenderId/documents')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'file'],
      properties: { name: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  upload(
    @Param('tenderId') tenderId: string,
    @Body() input: DocumentNameDto,
    @Req() req: RequestWithUpload,
    @CurrentActor() actor: Actor,
  ): Promise<TenderDocumentView> {
    return this.documents.upload(tenderId, input.name, req.file, actor);
  }

  @Authorize(OWN_TENDER)
  @Post('tenders/:tenderId/questions/:questionId/answer')
  @HttpCode(HttpStatus.OK)
  answer(
    @Param('tenderId') tenderId: string,
    @Param('questionId', UUID) questionId: string,
    @Body() input: AnswerDto,
    @CurrentActor() actor: Actor,
  ): Promise<QuestionView> {
    return this.participation.answer(tenderId, questionId, input.answer, actor);
  }

  @Authorize(AS_SUPPLIER)
  @Post('tenders/:tenderId/questions')
  ask(@Param('tenderId', UUID) tenderId: string, @Body() input: QuestionDto, @CurrentActor() actor: Actor): Promise<QuestionView> {
    return this.participation.ask(tenderId, input, actor);
  }

  @Authorize({ ...AS_SUPPLIER, roles: ['supplier_admin'] })
  @Post('tenders/:tenderId/mipyme-requests')
  requestLimitation(
    @Param('tenderId', UUID) tenderId: string,
    @Body() input: MipymeRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<MipymeRequestView> {
    return this.participation.requestLimitation(tenderId, input.documentIds, actor);
  }

  @Authorize(AS_SUPPLIER)
  @Put('tenders/:tenderId/follow')
  @HttpCode(HttpStatus.NO_CONTENT)
  follow(@Param('tenderId', UUID) tenderId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.participation.follow(tenderId, actor.organizationId as string, true);
  }

  @Authorize(AS_SUPPLIER)
  @Delete('tenders/:tenderId/follow')
  @HttpCode(HttpStatus.NO_CONTENT)
  unfollow(@Param('tenderId', UUID) tenderId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.participation.follow(tenderId, actor.organizationId as string, false);
  }

  @Public()
  @Get('public/tenders/:tenderId')
  publicView(@Param('tenderId', UUID) tenderId: string, @CurrentAuth() auth: AuthContext | undefined): Promise<TenderView> {
    return this.closedOnTime(() => this.tenders.publicView(tenderId, viewerOf(auth)));
  }

  /** A tender past its closing instant reads as closed even when the closing job has not run yet: the clock decides. */
  private async closedOnTime(read: () => Promise<TenderView>): Promise<TenderView> {
    const view = await read();
    if (view.status !== 'open' || new Date(view.closingAt) > new Date()) return view;
    await this.lifecycle.closeIfDue(view.id);
    return read();
  }

  @Public()
  @Get('public/tenders/:tenderId/questions')
  questions(@Param('tenderId', UUID) tenderId: string, @CurrentAuth() auth: AuthContext | undefined): Promise<QuestionView[]> {
    return this.participation.questions(tenderId, viewerOf(auth).organizationId);
  }

  @Public()
  @Get('public/tenders/:tenderId/versions')
  versions(@Param('tenderId', UUID) tenderId: string): Promise<TenderVersionView[]> {
    return this.participation.versions(tenderId);
  }

  @Public()
  @Get('public/tenders/:tenderId/documents/:documentId')
  async download(
    @Param('tenderId', UUID) tenderId: string,
    @Param('documentId', UUID) documentId: string,
    @CurrentAuth() auth: AuthContext | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { row, body } = await this.documents.read(tenderId, documentId, viewerOf(auth));
    // Published pliego documents are public; a draft's are its buyer's, so no shared cache keeps them.
    return attachment(res, row, body);
  }
}
