import type { FieldError, ShareHeldInput, SupplierLegalStanding } from '@eslabon/contracts';
import { fieldError } from '../../core/http/domain-error';

/** Shares held by women: no more women than the total, held since a day that has come. */
function shareProblems(share: ShareHeldInput | undefined, field: string, today: string): FieldError[] {
  if (!share) return [];
  const problems: FieldError[] = [];
  if (share.women > share.total) problems.push(fieldError(`${field}.women`, 'too_large', 'There cannot be more women than the total'));
  if (share.since > today) problems.push(fieldError(`${field}.since`, 'future_date', 'The date cannot be in the future'));
  return problems;
}

/** What the DTO's shape checks cannot see in a legal-standing step: signs, dates against today, pairs of fields. */
export function legalStandingProblems(input: SupplierLegalStanding, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (input.incomeCop.startsWith('-')) problems.push(fieldError('incomeCop', 'negative_income', 'Income cannot be negative'));
  else if (!Number.isSafeInteger(Number(input.incomeCop))) problems.push(fieldError('incomeCop', 'too_large', 'Income is too large'));
  if (input.incomeYear > Number(today.slice(0, 4)))
    problems.push(fieldError('incomeYear', 'future_date', 'The income year cannot be in the future'));
  if (input.constitutedOn > today)
    problems.push(fieldError('constitutedOn', 'future_date', 'The date of constitution cannot be in the future'));
  if (input.rupExpiresOn && !input.rupNumber?.trim())
    problems.push(fieldError('rupNumber', 'required', 'Give the RUP number with its expiry'));
  const { ownership, management, association, soleProprietorSince } = input.womenLed;
  problems.push(
    ...shareProblems(ownership, 'womenLed.ownership', today),
    ...shareProblems(management, 'womenLed.management', today),
    ...shareProblems(association, 'womenLed.association', today),
  );
  if (soleProprietorSince && soleProprietorSince > today)
    problems.push(fieldError('womenLed.soleProprietorSince', 'future_date', 'The date cannot be in the future'));
  return problems;
}
