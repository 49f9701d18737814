import { BreakpointObserver } from '@angular/cdk/layout';
import { Location } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import {
  PRODUCTIVE_BETS,
  TENDER_MILESTONES,
  TENDER_MODALITIES,
  type LotMatchCount,
  type LotMatchQuery,
  type ProductiveBet,
  type TenderMilestone,
  type TenderModality,
  type TenderView,
} from '@eslabon/contracts';
import { SIZE_CLASSES, criteriaProblems, defaultSchedule, scheduleProblems } from '@eslabon/domain';
import { Observable, catchError, debounceTime, distinctUntilChanged, map, merge, of, startWith, switchMap } from 'rxjs';
import { problemOf, showProblem } from '../../core/api/problem';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { PlaceMultiSelect } from '../../core/reference/place-multi-select';
import { ReferenceClient } from '../../core/reference/reference.client';
import { UnspscPicker } from '../../core/reference/unspsc-picker';
import { Session } from '../../core/session/session.service';
import { RuleParametersClient } from '../rule-parameters/rule-parameters.client';
import { TenderCriteria } from './tender-criteria';
import {
  DEFAULT_PARTS,
  fillTenderForm,
  lotForm,
  lotInput,
  partForm,
  ruleOf,
  scheduleDefaultsOf,
  scheduleOf,
  showRuleProblems,
  tenderForm,
  tenderInput,
} from './tender-form';
import { LongDayPipe, TenderErrorPipe, sumPesos, tenderErrorMessage } from './tender-format';
import { TenderLots, type ShownLot } from './tender-lots';
import { TenderTimeline } from './tender-timeline';
import { TendersClient } from './tenders.client';

export type WizardMode = 'new' | 'edit' | 'amend';

/** Below this width the step headers do not fit side by side. */
const NARROW = '(max-width: 719.98px)';
const MATCH_DEBOUNCE_MS = 400;

/** The steps holding each part of the form, by their index in the stepper. */
const STEP_FIELDS: readonly (readonly string[])[] = [
  ['title', 'description', 'modality', 'productiveBet', 'executionDepartment', 'executionMunicipality'],
  ['lots'],
  ['schedule', 'closingTime'],
  ['criteria'],
];

/**
 * A tender, written step by step: a new draft (POST, then PUT), a draft being edited, or an adenda to
 * published terms (the same form, posted with its reason). The schedule and criteria rules run in the
 * browser as the API runs them, and each refusal of the server lands on its field in its step.
 */
@Component({
  selector: 'esl-tender-wizard-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatStepperModule,
    UnspscPicker,
    PlaceMultiSelect,
    AmountPipe,
    LongDayPipe,
    TenderErrorPipe,
    TenderCriteria,
    TenderLots,
    TenderTimeline,
  ],
  templateUrl: './tender-wizard.page.html',
  styleUrl: './tender-wizard.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderWizardPage {
  protected readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly client = inject(TendersClient);
  private readonly session = inject(Session);
  private readonly reference = inject(ReferenceClient);
  private readonly location = inject(Location);
  private readonly router = inject(Router);
  private readonly stepper = viewChild(MatStepper);
  private readonly pickers = viewChildren(UnspscPicker);

  /** From the route: `:tenderId` and the route's `mode`. */
  readonly tenderId = input<string>();
  readonly mode = input<WizardMode>('new');

  protected readonly modalities = TENDER_MODALITIES;
  protected readonly bets = PRODUCTIVE_BETS;
  protected readonly milestones = TENDER_MILESTONES;
  protected readonly form = tenderForm(this.fb);
  protected readonly openingDate = this.fb.control('');
  protected readonly reason = this.fb.control('', Validators.required);
  protected readonly documentForm = this.fb.group({
    name: ['', Validators.required],
    file: [null as File | null, Validators.required],
  });

  /** The tender as last saved; null until the first save of a new one. */
  protected readonly tender = signal<TenderView | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly total = computed(() => sumPesos(this.value().lots.map((lot) => lot.estimatedValueCop)));
  protected readonly departments = toSignal(this.reference.departments().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly municipalities = toSignal(
    this.form.controls.executionDepartment.valueChanges.pipe(
      startWith(this.form.controls.executionDepartment.value),
      distinctUntilChanged(),
      switchMap((code) => (code ? this.reference.municipalities(code).pipe(catchError(() => of([]))) : of([]))),
    ),
    { initialValue: [] },
  );
  private readonly defaults = toSignal(
    inject(RuleParametersClient)
      .versions()
      .pipe(
        map(scheduleDefaultsOf),
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );
  protected readonly rule = computed(() => ruleOf(this.value().modality, this.defaults()));
  protected readonly criteriaOk = computed(() => criteriaProblems(this.value().criteria).length === 0);

  /** Registered suppliers per lot (null for a lot without classes yet), refreshed as classes, place or reservations change. */
  protected readonly matches = toSignal(
    this.form.valueChanges.pipe(
      map(() => this.matchQueries()),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      debounceTime(MATCH_DEBOUNCE_MS),
      switchMap((queries) => {
        const asked = queries.filter((q) => q.unspscClasses.length);
        if (!asked.length) return of({ counts: queries.map(() => null), failed: false });
        return this.client.lotMatchCounts(asked).pipe(
          map((counts) => {
            const answers = [...counts];
            return { counts: queries.map((q) => (q.unspscClasses.length ? (answers.shift() ?? null) : null)), failed: false };
          }),
          catchError(() => of({ counts: [] as (LotMatchCount | null)[], failed: true })),
        );
      }),
    ),
    { initialValue: { counts: [] as (LotMatchCount | null)[], failed: false } },
  );

  /** The lots as a supplier will read them, with the class names the pickers and the saved tender know. */
  protected readonly shownLots = computed<ShownLot[]>(() => {
    const names = new Map([...this.knownClasses(), ...this.pickers().flatMap((p) => p.chosen())].map((c) => [c.code, c.name]));
    return this.value().lots.map((lot) => {
      const input = lotInput(lot);
      return { ...input, classes: input.unspscClasses.map((code) => ({ code, name: names.get(code) ?? '' })) };
    });
  });
  protected readonly knownClasses = computed(() => this.tender()?.lots.flatMap((lot) => lot.classes) ?? []);
  protected readonly departmentName = computed(
    () => this.departments().find((d) => d.code === this.value().executionDepartment)?.name ?? '',
  );

  constructor() {
    // The browser says what the API would: schedule problems as dates, modality or defaults change; criteria as points change.
    merge(this.form.controls.schedule.valueChanges, this.form.controls.modality.valueChanges, toObservable(this.defaults))
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.checkSchedule());
    this.form.controls.criteria.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.checkCriteria());
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => (tenderId ? this.load(tenderId) : this.start()));
    });
  }

  protected get lots() {
    return this.form.controls.lots;
  }

  protected get parts() {
    return this.form.controls.criteria.controls.parts;
  }

  protected title(): string {
    const mode = this.mode();
    return this.i18n.t(
      mode === 'amend' ? 'tenders.wizard.amendTitle' : mode === 'edit' ? 'tenders.wizard.editTitle' : 'tenders.wizard.newTitle',
    );
  }

  protected modalityLabel(modality: TenderModality): string {
    return this.i18n.t(`tenders.modalities.${modality}`);
  }

  protected betLabel(bet: ProductiveBet): string {
    return this.i18n.t(`admin.buyerProfile.betNames.${bet}`);
  }

  protected milestoneLabel(milestone: TenderMilestone): string {
    return this.i18n.t(`tenders.milestones.${milestone}`);
  }

  protected matchText(index: number): string {
    const count = this.matches().counts[index];
    if (!count) return this.i18n.t('tenders.wizard.matchesNeedClasses', { n: index + 1 });
    const sizes = [...SIZE_CLASSES, 'unclassified' as const]
      .map((size) => `${this.i18n.t(`tenders.sizes.${size}`)}: ${count.bySize[size]}`)
      .join(', ');
    return this.i18n.t('tenders.wizard.matches', { n: index + 1, total: count.total, sizes, inDepartment: count.inDepartment });
  }

  protected addLot(): void {
    this.lots.push(lotForm(this.fb));
  }

  protected removeLot(index: number): void {
    this.lots.removeAt(index);
  }

  protected addPart(): void {
    this.parts.push(partForm(this.fb, { key: '', label: '', points: 0 }));
  }

  protected removePart(index: number): void {
    this.parts.removeAt(index);
  }

  /** Fills every date from the opening the buyer wants and the modality's business-day offsets. */
  protected computeSchedule(): void {
    const rule = this.rule();
    const opening = this.openingDate.value;
    if (!rule || !opening) return;
    const schedule = defaultSchedule(opening, rule);
    this.form.controls.schedule.setValue(
      Object.fromEntries(TENDER_MILESTONES.map((m) => [m, schedule[m] ?? ''])) as Record<TenderMilestone, string>,
    );
    this.form.controls.schedule.markAllAsTouched();
  }

  protected pickFile(input: HTMLInputElement): void {
    this.documentForm.controls.file.setValue(input.files?.[0] ?? null);
    this.documentForm.controls.file.markAsTouched();
  }

  protected upload(input: HTMLInputElement): void {
    const tender = this.tender();
    this.documentForm.markAllAsTouched();
    if (!tender || this.documentForm.invalid) return;
    const { name, file } = this.documentForm.getRawValue() as { name: string; file: File };
    this.run(
      this.client.uploadDocument(tender.id, name.trim(), file),
      (document) => {
        this.tender.set({ ...tender, documents: [...tender.documents, document] });
        this.documentForm.reset();
        input.value = '';
      },
      this.documentForm,
    );
  }

  protected saveDraft(): void {
    this.save(() => this.announcement.set(this.i18n.t('tenders.wizard.saved')));
  }

  /** Saves, then publishes the draft terms or opens the call, whichever the tender allows now. */
  protected publish(): void {
    this.save((view) => {
      const transition = view.allowedTransitions.find((t) => t === 'publish_draft' || t === 'open');
      if (!transition) {
        this.failure.set(tenderErrorMessage(this.i18n, 'invalid_transition'));
        return;
      }
      this.run(this.client.transition(view.id, { transition }), (opened) => this.manage(opened));
    });
  }

  protected amend(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.save((view) => this.manage(view));
  }

  private save(done: (view: TenderView) => void): void {
    this.form.markAllAsTouched();
    const step = this.invalidStep();
    if (step >= 0) {
      this.select(step);
      return;
    }
    const input = tenderInput(this.form);
    const saved = this.tender();
    const organizationId = this.session.activeMembership()?.organizationId;
    const call =
      this.mode() === 'amend' && saved
        ? this.client.amend(saved.id, { tender: input, reason: this.reason.value.trim() })
        : saved
          ? this.client.update(saved.id, input)
          : organizationId
            ? this.client.create(organizationId, input)
            : null;
    if (!call) return;
    this.run(call, (view) => {
      this.tender.set(view);
      // A reload from here edits the saved draft instead of starting a new one.
      if (!saved) this.location.replaceState(`/comprador/procesos/${view.id}/editar`);
      done(view);
    });
  }

  /** Sends a call; a refusal lands on its fields (the step holding the first one is shown), the rest above the buttons. */
  private run<T>(call: Observable<T>, done: (result: T) => void, form: FormGroup = this.form): void {
    this.busy.set(true);
    this.failure.set('');
    this.announcement.set('');
    call.subscribe({
      next: (result) => {
        this.busy.set(false);
        done(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error);
        const rest = showProblem(form, problem);
        // The estimated value is the lots' sum and has no field of its own: its refusal is said here.
        const loose = rest?.errors?.find((e) => !form.get(e.field));
        this.failure.set(rest ? tenderErrorMessage(this.i18n, loose?.code ?? rest.code) : '');
        const step = this.invalidStep();
        if (step >= 0) this.select(step);
      },
    });
  }

  private manage(view: TenderView): void {
    void this.router.navigate(['/comprador/procesos', view.id]);
  }

  private invalidStep(): number {
    return STEP_FIELDS.findIndex((fields) => fields.some((field) => this.form.get(field)?.invalid));
  }

  private select(step: number): void {
    const stepper = this.stepper();
    if (stepper) stepper.selectedIndex = step;
  }

  private matchQueries(): LotMatchQuery[] {
    const department = this.form.controls.executionDepartment.value || null;
    return this.lots.getRawValue().map((lot) => ({
      unspscClasses: lot.unspscClasses,
      department,
      reservedForMipymes: lot.reservedForMipymes,
      reservedForEconomiaPopular: lot.reservedForEconomiaPopular,
    }));
  }

  private checkSchedule(): void {
    const rule = ruleOf(this.form.controls.modality.value, this.defaults());
    const problems = rule ? scheduleProblems(scheduleOf(this.form), rule) : [];
    showRuleProblems(
      this.form.controls.schedule,
      TENDER_MILESTONES,
      problems.map((p) => ({ path: p.milestone, code: p.code })),
    );
  }

  private checkCriteria(): void {
    const criteria = this.form.controls.criteria;
    const paths = [
      'totalPoints',
      'parts',
      'nationalIndustryPoints',
      'foreignComponentPoints',
      ...this.parts.controls.map((_, i) => `parts.${i}.points`),
    ];
    showRuleProblems(
      criteria,
      paths,
      criteriaProblems(criteria.getRawValue()).map((p) => ({ path: p.field, code: p.code })),
    );
  }

  /** A new tender starts with one lot and criteria that pass the Ley 816 bands. */
  private start(): void {
    this.addLot();
    for (const part of DEFAULT_PARTS) {
      this.parts.push(partForm(this.fb, { ...part, label: this.i18n.t(`tenders.wizard.defaultParts.${part.key}`) }));
    }
    this.checkCriteria();
  }

  private load(tenderId: string): void {
    this.loadFailed.set(false);
    this.client.get(tenderId).subscribe({
      next: (view) => {
        this.tender.set(view);
        fillTenderForm(this.form, this.fb, view);
      },
      error: () => this.loadFailed.set(true),
    });
  }
}
