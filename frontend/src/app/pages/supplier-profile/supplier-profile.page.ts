import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { PROFILE_STEPS, ProfileStep as StepName, SupplierProfileView } from '@eslabon/contracts';
import { map } from 'rxjs';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { CapabilitiesStep } from './capabilities-step';
import { DocumentsStep } from './documents-step';
import { IdentityStep } from './identity-step';
import { LegalStep } from './legal-step';
import { SizeVerdict } from './size-verdict';
import { SupplierProfileClient } from './supplier-profile.client';

/** Below this width the step headers do not fit side by side. */
const NARROW = '(max-width: 719.98px)';

/**
 * The supplier's own profile, in four steps a small firm can fill on a phone; each step saves on its
 * own, and the top says how complete the profile is and whether it has been verified.
 */
@Component({
  selector: 'esl-supplier-profile-page',
  imports: [
    MatStepperModule,
    MatProgressBarModule,
    MatChipsModule,
    MatButtonModule,
    IdentityStep,
    LegalStep,
    CapabilitiesStep,
    DocumentsStep,
    SizeVerdict,
  ],
  templateUrl: './supplier-profile.page.html',
  styleUrl: './supplier-profile.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupplierProfilePage {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  private readonly client = inject(SupplierProfileClient);
  private readonly stepper = viewChild(MatStepper);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');
  protected readonly steps = PROFILE_STEPS;

  /** The active organization, when it is a supplier: the profile belongs to it. */
  protected readonly organizationId = computed(() => {
    const active = this.session.activeMembership();
    return active?.kind === 'supplier' ? active.organizationId : null;
  });
  protected readonly profile = signal<SupplierProfileView | null>(null);
  protected readonly loadFailed = signal(false);
  /** Read out by screen readers after each save. */
  protected readonly announcement = signal('');
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly missing = computed(() =>
    (this.profile()?.completeness.missing ?? [])
      .map((name) => {
        const key = `supplierProfile.completeness.items.${name}`;
        return this.i18n.has(key) ? this.i18n.t(key) : name;
      })
      .join(', '),
  );

  protected readonly verification = computed(() => {
    const verification = this.profile()?.verification;
    if (!verification) return '';
    if (verification.status === 'rejected' && verification.reason) {
      return this.i18n.t('supplierProfile.verification.rejectedBecause', { reason: verification.reason });
    }
    return this.i18n.t(`supplierProfile.verification.${verification.status}`);
  });

  constructor() {
    // Another organization chosen in the header: its own profile, with fresh forms.
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => this.load(organizationId));
    });
  }

  protected stepLabel(step: StepName): string {
    return this.i18n.t(`supplierProfile.steps.${step}`);
  }

  protected completed(step: StepName): boolean {
    return this.profile()?.completeness.completedSteps.includes(step) ?? false;
  }

  protected saved(step: StepName, profile: SupplierProfileView): void {
    this.profile.set(profile);
    this.announcement.set(this.i18n.t('supplierProfile.saved', { step: this.stepLabel(step) }));
    this.stepper()?.next();
    // The size class is what a firm waits for after the legal step, and it is shown at the top.
    if (step === 'legal') this.summary()?.nativeElement.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }

  protected load(organizationId: string | null): void {
    this.profile.set(null);
    this.loadFailed.set(false);
    if (!organizationId) return;
    this.client.profile(organizationId).subscribe({
      next: (profile) => this.profile.set(profile),
      error: () => this.loadFailed.set(true),
    });
  }
}
