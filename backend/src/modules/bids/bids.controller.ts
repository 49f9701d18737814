import { Body, Controller, Delete, Get, Headers, HttpStatus, Param, ParseUUIDPipe, Post, Put, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  BID_ENVELOPES,
  BUYER_ROLES,
  SUPPLIER_ROLES,
  type BidCount,
  type BidDocumentUpload,
  type BidReceipt,
  type MyBidView,
} from '@eslabon/contracts';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor } from '../../core/auth/auth.decorators';
import { DomainError } from '../../core/http/domain-error';
import { RequestWithUpload, UploadInterceptor } from '../../core/storage/upload.interceptor';
import { BidDocumentsService } from './bid-documents.service';
import { BidDocumentDto, BidDto } from './bids.dto';
import { BidsService } from './bids.service';

const UUID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_FOUND });
const IDEMPOTENCY_KEY = /^[\w-]{8,100}$/;
const KEY_HEADER = { name: 'Idempotency-Key', required: true, description: '8–100 letters, digits, - or _; one per submission' };

function idempotencyKey(key: string | undefined): string {
  if (!key || !IDEMPOTENCY_KEY.test(key))
    throw new DomainError('invalid', 'idempotency_key_required', 'Send an Idempotency-Key header of 8 to 100 letters, digits, - or _');
  return key;
}

@ApiTags('bids')
@Controller()
export class BidsController {
  constructor(
    private readonly bids: BidsService,
    private readonly documents: BidDocumentsService,
  ) {}

  /** Submits or replaces the organization's bid until closing; the same Idempotency-Key returns the same receipt. */
  @Authorize({ roles: ['supplier_admin'], inActiveOrganization: true })
  @Put('tenders/:tenderId/bid')
  @ApiHeader(KEY_HEADER)
  submit(
    @Param('tenderId', UUID) tenderId: string,
    @Body() input: BidDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<BidReceipt> {
    return this.bids.submit(tenderId, input, idempotencyKey(key), actor);
  }

  /** A file for an envelope (PDF, PNG or JPEG), sealed at once; list it in the bid with the hash it answers. */
  @Authorize({ roles: ['supplier_admin'], inActiveOrganization: true })
  @Post('tenders/:tenderId/bid/documents')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['envelope', 'file'],
      properties: { envelope: { type: 'string', enum: [...BID_ENVELOPES] }, file: { type: 'string', format: 'binary' } },
    },
  })
  uploadDocument(
    @Param('tenderId', UUID) tenderId: string,
    @Body() input: BidDocumentDto,
    @Req() req: RequestWithUpload,
    @CurrentActor() actor: Actor,
  ): Promise<BidDocumentUpload> {
    return this.documents.upload(tenderId, input.envelope, req.file, actor);
  }

  /** Withdraws the organization's bid until closing. */
  @Authorize({ roles: ['supplier_admin'], inActiveOrganization: true })
  @Delete('tenders/:tenderId/bid')
  @ApiHeader(KEY_HEADER)
  withdraw(
    @Param('tenderId', UUID) tenderId: string,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<BidReceipt> {
    return this.bids.withdraw(tenderId, idempotencyKey(key), actor);
  }

  @Authorize({ roles: SUPPLIER_ROLES, inActiveOrganization: true })
  @Get('tenders/:tenderId/bid')
  receipt(@Param('tenderId', UUID) tenderId: string, @CurrentActor() actor: Actor): Promise<BidReceipt> {
    return this.bids.receipt(tenderId, actor.organizationId as string);
  }

  /** The organization's bids ("my bids"). */
  @Authorize({ roles: SUPPLIER_ROLES, inActiveOrganization: true })
  @Get('bids')
  mine(@CurrentActor() actor: Actor): Promise<MyBidView[]> {
    return this.bids.mine(actor.organizationId as string);
  }

  /** Before closing the buyer learns only how many bids there are. */
  @Authorize({ roles: BUYER_ROLES, resource: { type: 'tender', param: 'tenderId' } })
  @Get('tenders/:tenderId/bids/count')
  count(@Param('tenderId') tenderId: string): Promise<BidCount> {
    return this.bids.count(tenderId);
  }
}
