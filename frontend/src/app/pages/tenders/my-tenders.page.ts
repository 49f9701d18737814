import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TENDER_STATUSES, type TenderPage, type TenderStatus } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { TenderCards } from './tender-cards';
import { tenderErrorMessage } from './tender-format';
import { Pager } from '../../core/ui/pager';
import { TendersClient } from './tenders.client';

const PAGE_SIZE = 20;

/** "Mis procesos": the active buyer organization's tenders, drafts included. */
@Component({
  selector: 'esl-my-tenders-page',
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatSelectModule, TenderCards, Pager],
  template: `
    <h1>{{ i18n.t('tenders.mine.title') }}</h1>
    <p>{{ i18n.t('tenders.mine.intro') }}</p>
    @if (organizationId()) {
      <div class="toolbar">
        <a mat-flat-button routerLink="nuevo">{{ i18n.t('tenders.mine.new') }}</a>
        <mat-form-field>
          <mat-label>{{ i18n.t('tenders.common.status') }}</mat-label>
          <mat-select [value]="status()" (selectionChange)="filter($event.value)">
            <mat-option value="">{{ i18n.t('tenders.mine.anyStatus') }}</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ statusLabel(s) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (failure()) {
        <p class="form-error" role="alert">{{ failure() }}</p>
      }
      @if (result(); as r) {
        <esl-tender-cards [tenders]="r.items" link="/comprador/procesos" [empty]="i18n.t('tenders.mine.none')" />
        <esl-pager [result]="r" (go)="page.set($event)" />
      }
    } @else {
      <p>{{ i18n.t('tenders.common.noOrganization') }}</p>
    }
  `,
  styles: '.toolbar { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 16px }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyTendersPage {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  private readonly client = inject(TendersClient);
  protected readonly statuses = TENDER_STATUSES;
  protected readonly organizationId = computed(() => {
    const active = this.session.activeMembership();
    return active && active.kind !== 'supplier' ? active.organizationId : null;
  });
  protected readonly status = signal<TenderStatus | ''>('');
  protected readonly page = signal(1);
  protected readonly result = signal<TenderPage | null>(null);
  protected readonly failure = signal('');

  constructor() {
    // Another organization, status or page: list again.
    effect(() => {
      const organizationId = this.organizationId();
      const query = { status: this.status() || undefined, page: this.page(), pageSize: PAGE_SIZE };
      if (organizationId) untracked(() => this.load(organizationId, query));
    });
  }

  protected statusLabel(status: TenderStatus): string {
    return this.i18n.t(`tenders.statuses.${status}`);
  }

  protected filter(status: TenderStatus | ''): void {
    this.status.set(status);
    this.page.set(1);
  }

  private load(organizationId: string, query: Parameters<TendersClient['mine']>[1]): void {
    this.failure.set('');
    this.client.mine(organizationId, query).subscribe({
      next: (result) => this.result.set(result),
      error: (error: unknown) => this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code)),
    });
  }
}
