import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipRegistry, isUuid } from '../../core/auth/ownership';
import { UploadInterceptor } from '../../core/storage/upload.interceptor';
import { RuleParametersModule } from '../rule-parameters/rule-parameters.module';
import { SuppliersController } from './suppliers.controller';
import { SupplierDirectoryService } from './supplier-directory.service';
import { SupplierDocumentsService } from './supplier-documents.service';
import { SuppliersService } from './suppliers.service';

@Module({
  imports: [RuleParametersModule],
  controllers: [SuppliersController],
  providers: [SuppliersService, SupplierDocumentsService, SupplierDirectoryService, UploadInterceptor],
  exports: [SuppliersService],
})
export class SuppliersModule implements OnModuleInit {
  constructor(
    private readonly ownership: OwnershipRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** A supplier organization owns its profile and documents. */
  onModuleInit(): void {
    this.ownership.register('supplier', async (id) => {
      if (!isUuid(id)) return null;
      const [row] = await this.db.query(`SELECT id FROM organizations WHERE id = $1 AND kind = 'supplier'`, [id]);
      return row?.id ?? null;
    });
  }
}
