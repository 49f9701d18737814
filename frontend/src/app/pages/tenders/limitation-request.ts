import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { LIMITATION_DOCUMENTS, type MipymeRequestView, type SupplierDocumentView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { SupplierProfileClient } from '../supplier-profile/supplier-profile.client';
import { tenderErrorMessage } from './tender-format';
import { TendersClient } from './tenders.client';

/** A supplier asks to limit the call to mipymes, attaching documents of its own profile (Decreto 1860 de 2021). */
@Component({
  selector: 'esl-limitation-request',
  imports: [MatButtonModule, MatCheckboxModule],
  template: `
    <p>{{ i18n.t('tenders.public.requestIntro') }}</p>
    @for (d of documents(); track d.id) {
      <mat-checkbox [checked]="chosen().has(d.id)" (change)="toggle(d.id, $event.checked)">
        {{ typeLabel(d) }} · {{ d.fileName }}
      </mat-checkbox>
    } @empty {
      <p>{{ i18n.t('tenders.public.requestNoDocuments') }}</p>
    }
    @if (failure()) {
      <p class="form-error" role="alert">{{ failure() }}</p>
    }
    <div class="form-actions">
      <button mat-flat-button type="button" [disabled]="busy() || !chosen().size" (click)="submit()">
        {{ i18n.t('tenders.public.submitRequest') }}
      </button>
    </div>
  `,
  styles: 'mat-checkbox { display: block }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LimitationRequest implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly profiles = inject(SupplierProfileClient);
  private readonly client = inject(TendersClient);
  readonly tenderId = input.required<string>();
  readonly organizationId = input.required<string>();
  readonly requested = output<MipymeRequestView>();
  private readonly all = signal<SupplierDocumentView[]>([]);
  /** Only the kinds the rule asks for. */
  protected readonly documents = computed(() => this.all().filter((d) => (LIMITATION_DOCUMENTS as readonly string[]).includes(d.type)));
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly failure = signal('');

  ngOnInit(): void {
    this.profiles.profile(this.organizationId()).subscribe({
      next: (profile) => this.all.set(profile.documents),
      error: (error: unknown) => this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code)),
    });
  }

  protected typeLabel(document: SupplierDocumentView): string {
    return this.i18n.t(`supplierProfile.documents.types.${document.type}`);
  }

  protected toggle(id: string, checked: boolean): void {
    const chosen = new Set(this.chosen());
    if (checked) chosen.add(id);
    else chosen.delete(id);
    this.chosen.set(chosen);
  }

  protected submit(): void {
    this.busy.set(true);
    this.failure.set('');
    this.client.requestLimitation(this.tenderId(), [...this.chosen()]).subscribe({
      next: (request) => {
        this.busy.set(false);
        this.requested.emit(request);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code));
      },
    });
  }
}
