import { Module } from '@nestjs/common';
import { BidsModule } from '../bids/bids.module';
import { RuleParametersModule } from '../rule-parameters/rule-parameters.module';
import { TenderCoreModule } from '../tenders/tenders.module';
import { EvaluationController } from './evaluation.controller';
import { EvaluationObservationsService } from './evaluation-observations.service';
import { EvaluationService } from './evaluation.service';

@Module({
  imports: [BidsModule, RuleParametersModule, TenderCoreModule],
  controllers: [EvaluationController],
  providers: [EvaluationService, EvaluationObservationsService],
  exports: [EvaluationService],
})
export class EvaluationModule {}
