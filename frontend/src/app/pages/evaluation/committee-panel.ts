import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { CommitteeMember, MemberView, TenderView } from '@eslabon/contracts';
import { AccountsClient } from '../../core/api/accounts.client';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { EvaluationClient } from './evaluation.client';
import { evaluationErrorMessage } from './evaluation-format';

/** Who is on the evaluation committee; the buyer's admin picks them among the entity's members. */
@Component({
  selector: 'esl-committee-panel',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule],
  template: `
    <p class="muted">{{ i18n.t('evaluation.committee.intro') }}</p>
    <ul class="plain-list" data-testid="committee">
      @for (member of committee(); track member.userId) {
        <li>{{ member.name }} · {{ member.email }}</li>
      } @empty {
        <li>{{ i18n.t('evaluation.committee.none') }}</li>
      }
    </ul>
    @if (canManage()) {
      <div class="form-actions">
        <mat-form-field>
          <mat-label>{{ i18n.t('evaluation.committee.members') }}</mat-label>
          <mat-select multiple [formControl]="chosen" data-testid="committee-members">
            @for (member of members(); track member.userId) {
              <mat-option [value]="member.userId">{{ member.name }} · {{ member.email }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button mat-stroked-button type="button" [disabled]="busy()" data-testid="save-committee" (click)="save()">
          {{ i18n.t('evaluation.committee.save') }}
        </button>
      </div>
      @if (failure()) {
        <p class="form-error" role="alert">{{ failure() }}</p>
      }
      <p aria-live="polite">{{ announcement() }}</p>
    }
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    mat-form-field {
      width: min(100%, 420px);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitteePanel {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  private readonly accounts = inject(AccountsClient);
  private readonly session = inject(Session);
  readonly tender = input.required<TenderView>();
  readonly committee = input.required<readonly CommitteeMember[]>();
  readonly changed = output<CommitteeMember[]>();

  protected readonly members = signal<MemberView[]>([]);
  protected readonly chosen = new FormControl<string[]>([], { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');
  /** The buyer admin of the tender's own entity. */
  protected readonly canManage = computed(
    () =>
      this.session.roles().includes('buyer_admin') &&
      this.session.activeMembership()?.organizationId === this.tender().buyer.organizationId,
  );

  constructor() {
    effect(() => {
      const organizationId = this.tender().buyer.organizationId;
      if (this.canManage()) untracked(() => this.accounts.members(organizationId).subscribe((data) => this.members.set(data.members)));
    });
    effect(() => {
      const userIds = this.committee().map((member) => member.userId);
      untracked(() => this.chosen.setValue(userIds));
    });
  }

  protected save(): void {
    this.busy.set(true);
    this.failure.set('');
    this.announcement.set('');
    this.client.setCommittee(this.tender().id, { userIds: this.chosen.value }).subscribe({
      next: (committee) => {
        this.busy.set(false);
        this.announcement.set(this.i18n.t('evaluation.committee.saved'));
        this.changed.emit(committee);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        // One select holds every choice, so a refused member is told above it.
        const problem = problemOf(error);
        this.failure.set(evaluationErrorMessage(this.i18n, problem.errors?.[0]?.code ?? problem.code));
      },
    });
  }
}
