import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_FREQUENCIES,
  type NotificationCategory,
  type NotificationFrequency,
  type NotificationPreferences,
} from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { NotificationsClient } from '../../core/notifications/notifications.client';

/** How often the user hears by e-mail of each kind of notification; the bell keeps them all anyway. */
@Component({
  selector: 'esl-notification-preferences',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule, FieldErrorPipe],
  template: `
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">{{ i18n.t('notifications.preferences.title') }}</h2>
      <p>{{ i18n.t('notifications.preferences.intro') }}</p>
      @if (loaded()) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          @for (category of categories; track category) {
            <mat-form-field>
              <mat-label>{{ categoryLabel(category) }}</mat-label>
              <mat-select [formControlName]="category" [attr.data-testid]="'frequency-' + category">
                @for (frequency of frequencies; track frequency) {
                  <mat-option [value]="frequency">{{ frequencyLabel(frequency) }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ form.controls[category] | fieldError }}</mat-error>
            </mat-form-field>
          }
          @if (failure()) {
            <p class="form-error" role="alert">{{ failure() }}</p>
          }
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('notifications.preferences.submit') }}</button>
            <span aria-live="polite">{{ saved() ? i18n.t('notifications.preferences.saved') : '' }}</span>
          </div>
        </form>
      } @else if (failure()) {
        <p class="form-error" role="alert">{{ failure() }}</p>
      }
    </section>
  `,
  styles:
    'form { display: flex; flex-wrap: wrap; gap: 0 16px } mat-form-field { flex: 1 1 260px; min-width: 0 } .form-actions { width: 100% }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferencesForm extends FormPage implements OnInit {
  private readonly client = inject(NotificationsClient);
  protected readonly categories = NOTIFICATION_CATEGORIES;
  protected readonly frequencies = NOTIFICATION_FREQUENCIES;
  protected readonly loaded = signal(false);
  protected readonly saved = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group<Record<NotificationCategory, NotificationFrequency>>({
    tenderMatches: 'instant',
    savedSearches: 'instant',
  });

  ngOnInit(): void {
    this.client.preferences().subscribe({
      next: (preferences) => this.show(preferences),
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
    this.form.valueChanges.subscribe(() => this.saved.set(false));
  }

  protected categoryLabel(category: NotificationCategory): string {
    return this.i18n.t(`notifications.preferences.${category}`);
  }

  protected frequencyLabel(frequency: NotificationFrequency): string {
    return this.i18n.t(`notifications.preferences.frequencies.${frequency}`);
  }

  protected save(): void {
    this.send(
      this.form,
      () => this.client.savePreferences(this.form.getRawValue()),
      (preferences) => {
        this.show(preferences);
        this.saved.set(true);
      },
    );
  }

  private show(preferences: NotificationPreferences): void {
    this.form.reset(preferences, { emitEvent: false });
    this.loaded.set(true);
  }
}
