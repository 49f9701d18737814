import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { TenderVersionView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';

/** Each published version of the terms with what changed, before → after: the tender's history. */
@Component({
  selector: 'esl-tender-versions',
  imports: [BogotaTimePipe],
  template: `
    <ol class="plain-list" reversed data-testid="versions">
      @for (v of versions(); track v.number) {
        <li>
          <h3>
            {{ i18n.t('tenders.common.version', { n: v.number }) }} · {{ kind(v) }} ·
            <small>{{ v.createdAt | bogotaTime: i18n.locale() }}</small>
          </h3>
          @if (v.reason) {
            <p>{{ i18n.t('tenders.manage.statusReason', { reason: v.reason }) }}</p>
          }
          @if (v.changes.length) {
            <ul class="changes">
              @for (c of v.changes; track c.path) {
                <li>
                  <code>{{ c.path }}</code>: {{ shown(c.before) }} → {{ shown(c.after) }}
                </li>
              }
            </ul>
          }
          @if (v.closingExtended) {
            <p>
              <strong>{{ i18n.t('tenders.manage.closingExtended') }}</strong>
            </p>
          }
        </li>
      } @empty {
        <li>{{ i18n.t('tenders.manage.versionsNone') }}</li>
      }
    </ol>
  `,
  styles: 'h3 { font: var(--mat-sys-title-small); margin: 0 } .changes { padding-left: 20px }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderVersions {
  protected readonly i18n = inject(I18n);
  readonly versions = input.required<readonly TenderVersionView[]>();

  protected kind(version: TenderVersionView): string {
    return this.i18n.t(`tenders.manage.versionKinds.${version.kind}`);
  }

  /** A changed value as text: objects and lists as JSON, nothing as "(vacío)". */
  protected shown(value: unknown): string {
    if (value === null || value === undefined || value === '') return this.i18n.t('tenders.manage.empty');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
