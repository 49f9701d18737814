import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import type { TenderPage } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { TenderCards } from './tender-cards';
import { tenderErrorMessage } from './tender-format';
import { Pager } from '../../core/ui/pager';
import { TendersClient } from './tenders.client';

const PAGE_SIZE = 20;

/** Every published tender, newest first; open to visitors who have not signed in. */
@Component({
  selector: 'esl-public-tenders-page',
  imports: [TenderCards, Pager],
  template: `
    <h1>{{ i18n.t('tenders.public.title') }}</h1>
    <p>{{ i18n.t('tenders.public.intro') }}</p>
    @if (failure()) {
      <p class="form-error" role="alert">{{ failure() }}</p>
    }
    @if (result(); as r) {
      <esl-tender-cards [tenders]="r.items" link="/procesos" [empty]="i18n.t('tenders.public.none')" />
      <esl-pager [result]="r" (go)="page.set($event)" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicTendersPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  protected readonly page = signal(1);
  protected readonly result = signal<TenderPage | null>(null);
  protected readonly failure = signal('');

  constructor() {
    effect(() => {
      const page = this.page();
      untracked(() =>
        this.client.published({ page, pageSize: PAGE_SIZE }).subscribe({
          next: (result) => this.result.set(result),
          error: (error: unknown) => this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code)),
        }),
      );
    });
  }
}
