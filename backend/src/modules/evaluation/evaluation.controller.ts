import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Put, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import {
  BUYER_ROLES,
  SUPPLIER_ROLES,
  type ClosingRecord,
  type CommitteeMember,
  type EvaluationReport,
  type EvaluationWorkspace,
  type ObservationView,
  type OpenedBid,
} from '@eslabon/contracts';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/attachment';
import { BidReviewDto, CommitteeDto, ObservationAnswerDto, ObservationDto, PublishReportDto } from './evaluation.dto';
import { EvaluationObservationsService } from './evaluation-observations.service';
import { EvaluationService } from './evaluation.service';

const UUID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_FOUND });
const OWN_TENDER = { roles: BUYER_ROLES, resource: { type: 'tender', param: 'tenderId' } } as const;

/** Opening and evaluation; committee routes also check the caller is on the tender's committee. */
@ApiTags('evaluation')
@Controller('tenders/:tenderId')
export class EvaluationController {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly observations: EvaluationObservationsService,
  ) {}

  /** Acta de cierre: public once the tender has closed. */
  @Public()
  @Get('closing-record')
  closingRecord(@Param('tenderId', UUID) tenderId: string): Promise<ClosingRecord> {
    return this.evaluation.closingRecord(tenderId);
  }

  @Authorize(OWN_TENDER)
  @Get('committee')
  committee(@Param('tenderId', UUID) tenderId: string): Promise<CommitteeMember[]> {
    return this.evaluation.committee(tenderId);
  }

  @Authorize({ ...OWN_TENDER, roles: ['buyer_admin'] })
  @Put('committee')
  setCommittee(
    @Param('tenderId', UUID) tenderId: string,
    @Body() input: CommitteeDto,
    @CurrentActor() actor: Actor,
  ): Promise<CommitteeMember[]> {
    return this.evaluation.setCommittee(tenderId, input.userIds, actor);
  }

  @Authorize(OWN_TENDER)
  @Get('evaluation')
  workspace(@Param('tenderId', UUID) tenderId: string, @CurrentActor() actor: Actor): Promise<EvaluationWorkspace> {
    return this.evaluation.workspace(tenderId, actor);
  }

  /** A document of an opened bid, for the committee. */
  @Authorize(OWN_TENDER)
  @Get('evaluation/bids/:bidId/documents/:documentId')
  async document(
    @Param('tenderId', UUID) tenderId: string,
    @Param('bidId', UUID) bidId: string,
    @Param('documentId', UUID) documentId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { name, row, body } = await this.evaluation.document(tenderId, bidId, documentId, actor);
    return attachment(res, { fileName: name, contentType: row.contentType, sizeBytes: body.length }, body);
  }

  @Authorize(OWN_TENDER)
  @Put('evaluation/bids/:bidId')
  review(
    @Param('tenderId', UUID) tenderId: string,
    @Param('bidId', UUID) bidId: string,
    @Body() input: BidReviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<OpenedBid> {
    return this.evaluation.review(tenderId, bidId, input, actor);
  }

  @Authorize(OWN_TENDER)
  @Post('evaluation/report')
  publish(
    @Param('tenderId', UUID) tenderId: string,
    @Body() input: PublishReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationReport> {
    return this.evaluation.publishReport(tenderId, input, actor);
  }

  /** The published report, with the observations and answers: public, like the acta. */
  @Public()
  @Get('evaluation/report')
  report(@Param('tenderId', UUID) tenderId: string): Promise<EvaluationReport> {
    return this.evaluation.publicReport(tenderId);
  }

  @Authorize({ roles: SUPPLIER_ROLES, inActiveOrganization: true })
  @Post('evaluation/observations')
  observe(
    @Param('tenderId', UUID) tenderId: string,
    @Body() input: ObservationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObservationView> {
    return this.observations.observe(tenderId, input.text, actor);
  }

  @Authorize(OWN_TENDER)
  @Put('evaluation/observations/:observationId/answer')
  answer(
    @Param('tenderId', UUID) tenderId: string,
    @Param('observationId', UUID) observationId: string,
    @Body() input: ObservationAnswerDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObservationView> {
    return this.observations.answer(tenderId, observationId, input.answer, actor);
  }
}
