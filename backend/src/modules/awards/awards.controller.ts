import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AwardView, ContractView } from '@eslabon/contracts';
import type { Actor } from '../../core/audit/actor';
import { Authorize, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { AwardDto, ContractCloseDto } from './awards.dto';
import { AwardsService } from './awards.service';

const UUID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_FOUND });

@ApiTags('awards')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Authorize({ roles: ['buyer_admin'], resource: { type: 'tender', param: 'tenderId' } })
  @Post('tenders/:tenderId/awards')
  award(@Param('tenderId', UUID) tenderId: string, @Body() input: AwardDto, @CurrentActor() actor: Actor): Promise<AwardView[]> {
    return this.awards.award(tenderId, input, actor);
  }

  /** Public: winner, value, national-industry status and size class per lot; the contract only for the buyer. */
  @Public()
  @Get('tenders/:tenderId/awards')
  list(@Param('tenderId', UUID) tenderId: string, @CurrentActor() actor: Actor): Promise<AwardView[]> {
    return this.awards.awards(tenderId, actor);
  }

  @Authorize({ roles: ['buyer_admin'], resource: { type: 'contract', param: 'contractId' } })
  @Post('contracts/:contractId/close')
  close(
    @Param('contractId', UUID) contractId: string,
    @Body() input: ContractCloseDto,
    @CurrentActor() actor: Actor,
  ): Promise<ContractView> {
    return this.awards.close(contractId, input, actor);
  }
}
