import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { TenderView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { TendersClient } from './tenders.client';

/** The tender's documents, each downloadable. */
@Component({
  selector: 'esl-tender-documents',
  imports: [MatButtonModule, BogotaTimePipe],
  template: `
    <ul class="plain-list" data-testid="documents">
      @for (d of tender().documents; track d.id) {
        <li class="document">
          <span>
            <strong>{{ d.name }}</strong> · {{ d.fileName }} · {{ d.uploadedAt | bogotaTime: i18n.locale() }}
          </span>
          <a mat-button [href]="url(d.id)" download [attr.aria-label]="i18n.t('tenders.common.downloadLabel', { name: d.name })">
            {{ i18n.t('tenders.common.download') }}
          </a>
        </li>
      } @empty {
        <li>{{ i18n.t('tenders.common.noDocuments') }}</li>
      }
    </ul>
  `,
  styles: '.document { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 8px }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderDocuments {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  readonly tender = input.required<TenderView>();

  protected url(documentId: string): string {
    return this.client.documentUrl(this.tender().id, documentId);
  }
}
