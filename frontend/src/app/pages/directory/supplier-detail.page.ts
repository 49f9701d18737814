import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SupplierPublicView, VerificationStatus } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { DayPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { DirectoryClient } from './directory.client';
import { SupplierSummary } from './supplier-summary';
import { SupplierVerification } from './supplier-verification';

/** A supplier's public page; platform admins also verify the supplier here. */
@Component({
  selector: 'esl-supplier-detail-page',
  imports: [RouterLink, DayPipe, SupplierSummary, SupplierVerification],
  templateUrl: './supplier-detail.page.html',
  styleUrl: './supplier-detail.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupplierDetailPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(DirectoryClient);
  private readonly session = inject(Session);
  /** From the route (`/proveedores/:organizationId`). */
  readonly organizationId = input.required<string>();
  protected readonly supplier = signal<SupplierPublicView | null>(null);
  protected readonly failure = signal('');
  protected readonly isAdmin = computed(() => this.session.roles().includes('admin'));

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      this.supplier.set(null);
      this.failure.set('');
      this.client.supplier(organizationId).subscribe({
        next: (supplier) => this.supplier.set(supplier),
        error: (error: unknown) => {
          const problem = problemOf(error);
          this.failure.set(problem.status === 404 ? this.i18n.t('directory.notFound') : errorMessage(this.i18n, problem.code));
        },
      });
    });
  }

  protected coverage(supplier: SupplierPublicView): string {
    return this.i18n.t(`directory.coverageScopes.${supplier.coverageScope}`, { count: supplier.coverageCodes.length });
  }

  protected decided(status: VerificationStatus): void {
    this.supplier.update((supplier) => supplier && { ...supplier, verificationStatus: status });
  }
}
