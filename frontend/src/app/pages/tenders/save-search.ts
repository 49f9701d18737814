import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { TenderSearchQuery } from '@eslabon/contracts';
import { FieldErrorPipe } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { NotificationsClient } from '../../core/notifications/notifications.client';
import { savedQuery } from './tender-search-url';

/** "Guardar búsqueda como alerta": names the current search and saves it, so its new tenders reach the bell and the inbox. */
@Component({
  selector: 'esl-save-search',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, FieldErrorPipe],
  template: `
    <p aria-live="polite" class="saved">
      @if (saved(); as name) {
        {{ i18n.t('tenders.search.save.saved', { name }) }}
        <a routerLink="/notificaciones" fragment="alertas">{{ i18n.t('tenders.search.save.manage') }}</a>
      }
    </p>
    @if (editing()) {
      <form [formGroup]="form" (ngSubmit)="save()" [attr.aria-label]="i18n.t('tenders.search.save.title')" novalidate>
        <mat-form-field>
          <mat-label>{{ i18n.t('tenders.search.save.name') }}</mat-label>
          <input #name matInput formControlName="name" autocomplete="off" data-testid="alert-name" />
          <mat-hint>{{ i18n.t('tenders.search.save.nameHint') }}</mat-hint>
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        @if (failure()) {
          <p class="form-error" role="alert">{{ failure() }}</p>
        }
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('tenders.search.save.submit') }}</button>
          <button mat-button type="button" (click)="editing.set(false)">{{ i18n.t('tenders.search.save.cancel') }}</button>
        </div>
      </form>
    } @else {
      <button mat-stroked-button type="button" data-testid="save-search" (click)="start()">{{ i18n.t('tenders.search.save.open') }}</button>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .saved:empty {
      display: none;
    }
    mat-form-field {
      width: min(100%, 420px);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveSearch extends FormPage {
  private readonly client = inject(NotificationsClient);
  private readonly injector = inject(Injector);
  readonly query = input.required<TenderSearchQuery>();
  protected readonly editing = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ name: ['', Validators.required] });
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('name');

  protected start(): void {
    this.saved.set(null);
    this.failure.set('');
    this.form.reset({ name: this.query().q ?? this.i18n.t('tenders.search.save.defaultName') });
    this.editing.set(true);
    afterNextRender(() => this.nameInput()?.nativeElement.select(), { injector: this.injector });
  }

  protected save(): void {
    const name = this.form.getRawValue().name.trim();
    this.send(
      this.form,
      () => this.client.saveSearch({ name, query: savedQuery(this.query()) }),
      (search) => {
        this.editing.set(false);
        this.saved.set(search.name);
      },
    );
  }
}
