import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n } from '../i18n/i18n.service';

/** Previous / next through a paged list (tenders, plan lines…); hidden when everything fits on one page. */
@Component({
  selector: 'esl-pager',
  imports: [MatButtonModule],
  template: `
    @if (pages() > 1) {
      <nav class="pager" [attr.aria-label]="i18n.t('directory.pages')">
        <button mat-stroked-button type="button" [disabled]="result().page <= 1" (click)="go.emit(result().page - 1)">
          {{ i18n.t('directory.previous') }}
        </button>
        <span>{{ i18n.t('directory.pageOf', { page: result().page, pages: pages() }) }}</span>
        <button mat-stroked-button type="button" [disabled]="result().page >= pages()" (click)="go.emit(result().page + 1)">
          {{ i18n.t('directory.next') }}
        </button>
      </nav>
    }
  `,
  styles: '.pager { display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 16px }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Pager {
  protected readonly i18n = inject(I18n);
  readonly result = input.required<{ page: number; pageSize: number; total: number }>();
  readonly go = output<number>();
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.result().total / this.result().pageSize)));
}
