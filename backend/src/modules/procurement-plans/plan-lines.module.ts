import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipRegistry, isUuid } from '../../core/auth/ownership';
import { PlanLinesController } from './plan-lines.controller';
import { PlanLinesService } from './plan-lines.service';

/** The Plan Anual de Adquisiciones: buyers' lines, published for suppliers to prepare and mark interest. */
@Module({
  controllers: [PlanLinesController],
  providers: [PlanLinesService],
  exports: [PlanLinesService],
})
export class PlanLinesModule implements OnModuleInit {
  constructor(
    private readonly ownership: OwnershipRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The buyer that wrote a plan line owns it. */
  onModuleInit(): void {
    this.ownership.register('plan_line', async (id) => {
      if (!isUuid(id)) return null;
      const [row] = await this.db.query(`SELECT buyer_organization_id FROM procurement_plan_lines WHERE id = $1`, [id]);
      return row?.buyer_organization_id ?? null;
    });
  }
}
