import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { OrganizationKind, OrganizationView } from '@eslabon/contracts';
import { AccountsClient } from '../../core/api/accounts.client';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';

/** Platform admins approve or reject state bodies' requests for access. */
@Component({
  selector: 'esl-approvals-page',
  imports: [MatButtonModule, MatCardModule, BogotaTimePipe],
  template: `
    <h1>{{ i18n.t('approvals.title') }}</h1>
    <p>{{ i18n.t('approvals.intro') }}</p>
    <p aria-live="polite" class="status-line">{{ message() }}</p>
    <ul class="cards-list">
      @for (organization of pending(); track organization.id) {
        <li>
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2>{{ organization.name }}</h2>
              <p>{{ kindLabel(organization.kind) }}</p>
              <p>{{ i18n.t('approvals.requestedAt', { date: (organization.createdAt | bogotaTime: i18n.locale()) }) }}</p>
            </mat-card-content>
            <mat-card-actions>
              <button mat-flat-button type="button" (click)="decide(organization, 'approve')">{{ i18n.t('approvals.approve') }}</button>
              <button mat-stroked-button type="button" (click)="decide(organization, 'reject')">{{ i18n.t('approvals.reject') }}</button>
            </mat-card-actions>
          </mat-card>
        </li>
      } @empty {
        <li>{{ i18n.t('approvals.none') }}</li>
      }
    </ul>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalsPage implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(AccountsClient);
  protected readonly pending = signal<OrganizationView[]>([]);
  protected readonly message = signal('');

  ngOnInit(): void {
    this.client.pendingOrganizations().subscribe((list) => this.pending.set(list));
  }

  protected kindLabel(kind: OrganizationKind): string {
    return this.i18n.t(`kinds.${kind}`);
  }

  protected decide(organization: OrganizationView, decision: 'approve' | 'reject'): void {
    this.client.decide(organization.id, decision).subscribe({
      next: (result) => {
        this.pending.update((list) => list.filter((o) => o.id !== organization.id));
        const status = result.status === 'active' ? this.i18n.t('approvals.active') : this.i18n.t('approvals.rejected');
        this.message.set(this.i18n.t('approvals.decided', { name: result.name, status }));
      },
      error: (error: unknown) => this.message.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }
}
