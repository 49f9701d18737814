import type { FieldError, TenderInput } from '@eslabon/contracts';
import { ScheduleRule, criteriaProblems, scheduleProblems } from '@eslabon/domain';
import type { EntityManager } from 'typeorm';
import { fieldError } from '../../core/http/domain-error';

const SCHEDULE_MESSAGES = {
  not_business_day: 'falls on a weekend or a Colombian holiday',
  out_of_order: 'must come after the previous step',
  too_soon: 'leaves fewer business days than the modality requires',
  missing: 'is required in this modality',
} as const;

/**
 * Every reason the terms of a tender cannot stand, as field errors: the schedule in Colombian
 * business days (RULES.md §6), the Ley 816 bands of the criteria (RULES.md §4), lots that add up to the
 * estimated value, and UNSPSC and DIVIPOLA codes that exist.
 */
export async function tenderProblems(em: EntityManager, input: TenderInput, rule: ScheduleRule | null): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const p of scheduleProblems(input.schedule, rule))
    problems.push(fieldError(`schedule.${p.milestone}`, p.code, `schedule.${p.milestone} ${SCHEDULE_MESSAGES[p.code]}`));
  for (const p of criteriaProblems(input.criteria))
    problems.push(fieldError(`criteria.${p.field}`, p.code, `criteria.${p.field} breaks the scoring rules (${p.code})`));

  if (input.lots.length === 0) problems.push(fieldError('lots', 'lots_required', 'A tender needs at least one lot'));
  const lotsTotal = input.lots.reduce((sum, lot) => sum + BigInt(lot.estimatedValueCop), 0n);
  if (input.lots.length && lotsTotal !== BigInt(input.estimatedValueCop))
    problems.push(
      fieldError('estimatedValueCop', 'lots_total_mismatch', `The lots add up to COP ${lotsTotal}, not ${input.estimatedValueCop}`),
    );

  const classes = [...new Set(input.lots.flatMap((l) => l.unspscClasses))];
  const known = new Set<string>(
    (await em.query(`SELECT code FROM unspsc_codes WHERE level = 'class' AND code = ANY($1)`, [classes])).map(
      (r: { code: string }) => r.code,
    ),
  );
  input.lots.forEach((lot, i) => {
    const unknown = lot.unspscClasses.filter((c) => !known.has(c));
    if (unknown.length)
      problems.push(fieldError(`lots.${i}.unspscClasses`, 'unknown_unspsc_class', `No UNSPSC class has code ${unknown.join(', ')}`));
  });

  const places = [input.executionMunicipality, ...input.lots.flatMap((l) => l.territorialLimitation?.codes ?? [])].filter(
    (c): c is string => !!c,
  );
  const rows: { code: string; department_code: string }[] = await em.query(
    `SELECT code, department_code FROM divipola_municipalities WHERE code = ANY($1) OR department_code = ANY($1) OR department_code = $2`,
    [places, input.executionDepartment],
  );
  const departments = new Set(rows.map((r) => r.department_code));
  const municipalities = new Map(rows.map((r) => [r.code, r.department_code]));
  if (!departments.has(input.executionDepartment))
    problems.push(fieldError('executionDepartment', 'unknown_department', `No department has DIVIPOLA code ${input.executionDepartment}`));
  if (input.executionMunicipality && municipalities.get(input.executionMunicipality) !== input.executionDepartment)
    problems.push(
      fieldError(
        'executionMunicipality',
        'unknown_municipality',
        `No municipality ${input.executionMunicipality} in department ${input.executionDepartment}`,
      ),
    );
  input.lots.forEach((lot, i) => {
    const t = lot.territorialLimitation;
    if (!t) return;
    const exists = (code: string) => (t.scope === 'department' ? code.length === 2 && departments.has(code) : municipalities.has(code));
    const bad = t.codes.filter((c) => !exists(c));
    if (bad.length)
      problems.push(
        fieldError(
          `lots.${i}.territorialLimitation.codes`,
          t.scope === 'department' ? 'unknown_department' : 'unknown_municipality',
          `Unknown DIVIPOLA codes: ${bad.join(', ')}`,
        ),
      );
  });
  return problems;
}
