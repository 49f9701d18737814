import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipRegistry, isUuid } from '../../core/auth/ownership';
import { RuleParametersModule } from '../rule-parameters/rule-parameters.module';
import { BuyersController } from './buyers.controller';
import { BuyersService } from './buyers.service';

@Module({
  imports: [RuleParametersModule],
  controllers: [BuyersController],
  providers: [BuyersService],
  exports: [BuyersService],
})
export class BuyersModule implements OnModuleInit {
  constructor(
    private readonly ownership: OwnershipRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** State entities and state companies own their buyer profile. */
  onModuleInit(): void {
    this.ownership.register('buyer', async (id) => {
      if (!isUuid(id)) return null;
      const [row] = await this.db.query(`SELECT id FROM organizations WHERE id = $1 AND kind IN ('state_entity', 'state_company')`, [id]);
      return row?.id ?? null;
    });
  }
}
