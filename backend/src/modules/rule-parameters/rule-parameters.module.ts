import { Module } from '@nestjs/common';
import { RuleParametersController } from './rule-parameters.controller';
import { RuleParametersService } from './rule-parameters.service';

@Module({
  controllers: [RuleParametersController],
  providers: [RuleParametersService],
  exports: [RuleParametersService],
})
export class RuleParametersModule {}
