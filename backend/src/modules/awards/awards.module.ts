import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipRegistry, isUuid } from '../../core/auth/ownership';
import { BidsModule } from '../bids/bids.module';
import { AwardsController } from './awards.controller';
import { AwardsService } from './awards.service';

@Module({
  imports: [BidsModule],
  controllers: [AwardsController],
  providers: [AwardsService],
})
export class AwardsModule implements OnModuleInit {
  constructor(
    private readonly ownership: OwnershipRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The buyer that awarded a contract owns its record. */
  onModuleInit(): void {
    this.ownership.register('contract', async (id) => {
      if (!isUuid(id)) return null;
      const [row] = await this.db.query(`SELECT buyer_organization_id FROM contracts WHERE id = $1`, [id]);
      return row?.buyer_organization_id ?? null;
    });
  }
}
