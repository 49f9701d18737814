import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { I18n } from '../../core/i18n/i18n.service';

@Component({
  selector: 'esl-not-found-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <h1>{{ i18n.t('notFound.title') }}</h1>
    <p>{{ i18n.t('notFound.text') }}</p>
    <a mat-stroked-button routerLink="/">{{ i18n.t('notFound.back') }}</a>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {
  protected readonly i18n = inject(I18n);
}
