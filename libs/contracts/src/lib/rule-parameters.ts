/**
 * Versioned rule parameters (RULES.md: items marked "confirm" are data an admin corrects, never constants).
 * A parameter has one value per period (a year, a biennium, or `all`); a new version of the same period
 * supersedes the earlier one for classifications made after it, while past ones keep the version they used.
 */
export const RULE_PARAMETERS = [
  'uvt',
  'smmlv',
  'size_thresholds',
  'mipyme_call_threshold',
  'menor_cuantia_bands',
  'schedule_defaults',
  'tie_break',
] as const;
export type RuleParameter = (typeof RULE_PARAMETERS)[number];

export interface RuleParameterVersionView {
  id: string;
  parameter: RuleParameter;
  period: string;
  value: unknown;
  validFrom: string;
  source: string;
  note: string | null;
  createdAt: string;
  /** The version in force for its period (the latest one already valid). */
  current: boolean;
}

export interface NewRuleParameterVersion {
  parameter: RuleParameter;
  period: string;
  value: unknown;
  validFrom: string;
  source: string;
  note?: string;
}
