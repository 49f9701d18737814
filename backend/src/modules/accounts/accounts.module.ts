import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipRegistry, isUuid } from '../../core/auth/ownership';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { OrganizationsController } from './organizations.controller';

@Module({
  controllers: [AuthController, OrganizationsController],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly ownership: OwnershipRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** An organization owns itself. */
  onModuleInit(): void {
    this.ownership.register('organization', async (id) => {
      if (!isUuid(id)) return null;
      const [row] = await this.db.query(`SELECT id FROM organizations WHERE id = $1`, [id]);
      return row?.id ?? null;
    });
  }
}
