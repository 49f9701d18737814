import { AbstractControl, FormArray, FormControl, FormGroup, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import {
  BID_ENVELOPES,
  type BidClaims,
  type BidDocumentRef,
  type BidEnvelope,
  type BidInput,
  type BidLotInput,
  type LotView,
  type NationalIndustryStatus,
  type PluralBidderKind,
  type ProblemDetails,
} from '@eslabon/contracts';
import { normalizePesos, wholePesos } from '../tenders/tender-format';

/**
 * The bid as one form whose control paths are the API's field paths (`lots.0.priceCop`,
 * `claims.ethnicPayrollPercent`, `plural.members.1.nit`, `documents.0.documentId`), so `showProblem` can
 * put each server refusal on its control. The form holds every lot of the tender; only those ticked go
 * into the bid. The documents are listed in the order they were uploaded, the order the bid sends them.
 */
export type LotOfferForm = FormGroup<{
  lotId: FormControl<string>;
  offer: FormControl<boolean>;
  priceCop: FormControl<string>;
  nationalIndustry: FormControl<NationalIndustryStatus | ''>;
  nationalComponentPercent: FormControl<number | null>;
}>;

export type MemberForm = FormGroup<{
  nit: FormControl<string>;
  name: FormControl<string>;
  participationPercent: FormControl<number | null>;
  mipyme: FormControl<boolean>;
}>;

/** An uploaded file as the bid lists it, with its size for the list (the size is not sealed). */
export type DocumentForm = FormGroup<{
  documentId: FormControl<string>;
  envelope: FormControl<BidEnvelope>;
  name: FormControl<string>;
  sha256: FormControl<string>;
  /** Unknown for a document brought back from sealed content, which does not keep it. */
  sizeBytes: FormControl<number | null>;
}>;
export type DocumentValue = ReturnType<DocumentForm['getRawValue']>;

/** Checks that put their verdict under `server`, as the shared error pipes read it: one wording with the API. */
function wholePercent(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') return null;
  return Number.isInteger(value) && value >= 0 && value <= 100 ? null : { server: 'percent' };
}

function positivePesos(control: AbstractControl<string>): ValidationErrors | null {
  const pesos = normalizePesos(control.value);
  return /^\d+$/.test(pesos) && BigInt(pesos) === 0n ? { server: 'positive' } : null;
}

/** As the API reads a NIT: 6 to 15 digits once dots and spaces are dropped, without the check digit. */
const nitDigits = (text: string) => text.replace(/[.\s]/g, '');

function memberNit(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || /^\d{6,15}$/.test(nitDigits(control.value)) ? null : { server: 'nit_digits' };
}

/** Each member holds a part of the association, never none or all of it. */
function memberShare(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') return null;
  return Number.isInteger(value) && value >= 1 && value <= 99 ? null : { server: 'participation_range' };
}

/** The API refuses a price above the lot's estimate; saying so while typing spares a round trip. */
function withinEstimate(estimateCop: string) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const pesos = normalizePesos(control.value);
    return /^\d+$/.test(pesos) && BigInt(pesos) > BigInt(estimateCop) ? { server: 'above_estimate' } : null;
  };
}

function atLeastOneOffer(lots: AbstractControl): ValidationErrors | null {
  return (lots as FormArray<LotOfferForm>).controls.some((lot) => lot.controls.offer.value) ? null : { server: 'lots_required' };
}

/** A consorcio or unión temporal has two different members or more, and their shares make the whole. */
function membersComplete(members: AbstractControl): ValidationErrors | null {
  const list = (members as FormArray<MemberForm>).controls;
  if (list.length < 2) return { server: 'plural_members' };
  if (participationSum(list) !== 100) return { server: 'participation_sum' };
  const nits = list.map((member) => nitDigits(member.controls.nit.value));
  return new Set(nits).size === nits.length ? null : { server: 'duplicate_member' };
}

export function participationSum(members: readonly MemberForm[]): number {
  return members.reduce((sum, member) => sum + (member.controls.participationPercent.value ?? 0), 0);
}

function lotOfferForm(fb: NonNullableFormBuilder, lot: LotView): LotOfferForm {
  return fb.group({
    lotId: [lot.id],
    offer: [false],
    priceCop: ['', [Validators.required, wholePesos, positivePesos, withinEstimate(lot.estimatedValueCop)]],
    nationalIndustry: ['' as NationalIndustryStatus | '', Validators.required],
    nationalComponentPercent: fb.control<number | null>(null, [Validators.required, wholePercent]),
  });
}

type MemberValue = ReturnType<MemberForm['getRawValue']>;

export function memberForm(fb: NonNullableFormBuilder, member?: MemberValue): MemberForm {
  return fb.group({
    nit: [member?.nit ?? '', [Validators.required, memberNit]],
    name: [member?.name ?? '', Validators.required],
    participationPercent: fb.control<number | null>(member?.participationPercent ?? null, [Validators.required, memberShare]),
    mipyme: [member?.mipyme ?? false],
  });
}

export function documentForm(fb: NonNullableFormBuilder, document: DocumentValue): DocumentForm {
  return fb.group({
    documentId: [document.documentId],
    envelope: [document.envelope],
    name: [document.name],
    sha256: [document.sha256],
    sizeBytes: fb.control<number | null>(document.sizeBytes),
  });
}

/** What a saved draft lists as documents, if it looks like one: an older draft has none, a hand edit may have anything. */
function savedDocuments(documents: unknown): DocumentValue[] {
  if (!Array.isArray(documents)) return [];
  return documents
    .filter(
      (d: Partial<DocumentValue> | null): d is DocumentValue =>
        !!d &&
        typeof d.documentId === 'string' &&
        typeof d.name === 'string' &&
        typeof d.sha256 === 'string' &&
        BID_ENVELOPES.includes(d.envelope as BidEnvelope),
    )
    .map((d) => ({ ...d, sizeBytes: typeof d.sizeBytes === 'number' ? d.sizeBytes : null }));
}

const percentControl = (fb: NonNullableFormBuilder) => fb.control<number | null>(0, [Validators.required, wholePercent]);

/** The form for a tender's lots, in the order the tender lists them. */
export function bidForm(fb: NonNullableFormBuilder, lots: readonly LotView[]) {
  return fb.group({
    lots: fb.array(
      lots.map((lot) => lotOfferForm(fb, lot)),
      { validators: atLeastOneOffer },
    ),
    claims: fb.group({
      disabilityBonus: [false],
      womanHeadOfHousehold: [false],
      disabilityPayrollPercent: percentControl(fb),
      olderWorkersPercent: percentControl(fb),
      ethnicPayrollPercent: percentControl(fb),
      reincorporation: [false],
      mipymePaymentsPercent: percentControl(fb),
      bicMipyme: [false],
    }),
    pluralEnabled: [false],
    plural: fb.group({
      kind: ['consorcio' as PluralBidderKind],
      name: ['', Validators.required],
      members: fb.array<MemberForm>([], { validators: membersComplete }),
    }),
    documents: fb.array<DocumentForm>([]),
  });
}
export type BidForm = ReturnType<typeof bidForm>;
/** What the browser keeps as the draft: every control as typed, ticked or not. */
export type BidDraft = ReturnType<BidForm['getRawValue']>;

/**
 * Controls that do not apply are disabled, so they neither block the review nor reach the bid: the
 * prices of lots not offered, the national component unless the offer is foreign with a component,
 * and the plural bidder unless the organization bids as one.
 */
export function syncEnabled(form: BidForm): void {
  const toggle = (control: AbstractControl, enabled: boolean) => {
    if (enabled && control.disabled) control.enable({ emitEvent: false });
    if (!enabled && control.enabled) control.disable({ emitEvent: false });
  };
  for (const lot of form.controls.lots.controls) {
    const { offer, priceCop, nationalIndustry, nationalComponentPercent } = lot.controls;
    toggle(priceCop, offer.value);
    toggle(nationalIndustry, offer.value);
    toggle(nationalComponentPercent, offer.value && nationalIndustry.value === 'foreign_with_component');
  }
  toggle(form.controls.plural, form.controls.pluralEnabled.value);
}

/** Fills the form from a saved draft; lots the tender no longer has are left out. */
export function fillBidForm(form: BidForm, fb: NonNullableFormBuilder, draft: BidDraft): void {
  const byLot = new Map(draft.lots.map((lot) => [lot.lotId, lot]));
  for (const lot of form.controls.lots.controls) {
    const saved = byLot.get(lot.controls.lotId.value);
    if (saved) lot.patchValue({ ...saved, lotId: lot.controls.lotId.value });
  }
  const members = form.controls.plural.controls.members;
  members.clear();
  for (const member of draft.plural.members) members.push(memberForm(fb, member));
  const documents = form.controls.documents;
  documents.clear();
  for (const document of savedDocuments(draft.documents)) documents.push(documentForm(fb, document));
  form.patchValue({
    claims: draft.claims,
    pluralEnabled: draft.pluralEnabled,
    plural: { kind: draft.plural.kind, name: draft.plural.name },
  });
  syncEnabled(form);
}

/** The draft that shows what was sealed: for modifying a bid this browser submitted but no longer has a draft of. */
export function draftOf(form: BidForm, content: BidInput): BidDraft {
  const blank = form.getRawValue();
  const offered = new Map(content.lots.map((lot) => [lot.lotId, lot]));
  return {
    lots: blank.lots.map((lot) => {
      const sealed = offered.get(lot.lotId);
      return sealed ? { ...sealed, offer: true } : lot;
    }),
    claims: content.claims,
    pluralEnabled: content.plural !== null,
    plural: content.plural ?? blank.plural,
    documents: (content.documents ?? []).map((d) => ({ ...d, sizeBytes: null })),
  };
}

const toPercent = (value: number | null) => value ?? 0;

export interface BuiltBid {
  input: BidInput;
  /** For each lot of the bid, the index of its controls in the form: the API names lots by their place in the bid. */
  formIndexes: number[];
}

/** The bid exactly as it will be sealed: ticked lots in the tender's order, prices as whole-peso digits. */
export function bidInputOf(form: BidForm): BuiltBid {
  const value = form.getRawValue();
  const lots: BidLotInput[] = [];
  const formIndexes: number[] = [];
  value.lots.forEach((lot, index) => {
    if (!lot.offer) return;
    formIndexes.push(index);
    lots.push({
      lotId: lot.lotId,
      priceCop: normalizePesos(lot.priceCop),
      nationalIndustry: lot.nationalIndustry as NationalIndustryStatus,
      nationalComponentPercent: lot.nationalIndustry === 'foreign_with_component' ? lot.nationalComponentPercent : null,
    });
  });
  const { claims } = value;
  const sealedClaims: BidClaims = {
    ...claims,
    disabilityPayrollPercent: toPercent(claims.disabilityPayrollPercent),
    olderWorkersPercent: toPercent(claims.olderWorkersPercent),
    ethnicPayrollPercent: toPercent(claims.ethnicPayrollPercent),
    mipymePaymentsPercent: toPercent(claims.mipymePaymentsPercent),
  };
  const plural = value.pluralEnabled
    ? {
        kind: value.plural.kind,
        name: value.plural.name.trim(),
        members: value.plural.members.map((m) => ({
          nit: nitDigits(m.nit),
          name: m.name.trim(),
          participationPercent: toPercent(m.participationPercent),
          mipyme: m.mipyme,
        })),
      }
    : null;
  // Only the reference is sealed: the size is for the list on screen.
  const documents: BidDocumentRef[] = value.documents.map(({ documentId, envelope, name, sha256 }) => ({
    documentId,
    envelope,
    name,
    sha256,
  }));
  return { input: { lots, claims: sealedClaims, plural, documents }, formIndexes };
}

/**
 * The API names a lot by its place in the bid (`lots.1.priceCop`), the form by its place in the tender:
 * rename each field so it lands on the right lot. A refusal of the lot itself (`lots.1.lotId`: reserved,
 * unknown) goes on the lot's "offer" box, since the lot id is no control.
 */
export function placeOnForm(problem: ProblemDetails, formIndexes: readonly number[]): ProblemDetails {
  if (!problem.errors) return problem;
  const errors = problem.errors.map((error) => {
    const match = /^lots\.(\d+)(?:\.(\w+))?(.*)$/.exec(error.field);
    const index = match ? formIndexes[Number(match[1])] : undefined;
    if (!match || index === undefined) return error;
    const control = match[2] === 'lotId' || match[2] === undefined ? 'offer' : match[2];
    return { ...error, field: `lots.${index}.${control}${match[3]}` };
  });
  return { ...problem, errors };
}
