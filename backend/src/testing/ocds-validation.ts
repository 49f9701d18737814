import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMAS = join(__dirname, '../modules/ocds/schemas');
const load = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8'));

/** The official OCDS 1.1 schemas (draft-04), the release schema registered under the URL the packages cite. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const name of ['release-schema.json', 'versioned-release-validation-schema.json'])
    ajv.addSchema(load(name), `https://standard.open-contracting.org/schema/1__1__5/${name}`);
  return {
    releasePackage: ajv.compile(load('release-package-schema.json')),
    recordPackage: ajv.compile(load('record-package-schema.json')),
  };
}

let compiled: ReturnType<typeof validator> | undefined;

/** Schema errors of a package, as `path message` lines; empty when it is valid. */
export function ocdsSchemaErrors(kind: 'releasePackage' | 'recordPackage', data: unknown): string[] {
  compiled ??= validator();
  const validate = compiled[kind];
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

type Json = Record<string, unknown>;

/**
 * What the OCP Data Review Tool also checks beyond the schema (OCDS.md): unique release ids per ocid,
 * awards pointing to existing lots and bids, contracts to existing awards, no empty fields.
 */
export function ocdsReviewErrors(releases: Json[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of releases) {
    const key = `${r.ocid}/${r.id}`;
    if (ids.has(key)) problems.push(`duplicate release id ${key}`);
    ids.add(key);
    const tender = (r.tender ?? {}) as Json;
    const lots = new Set(((tender.lots as Json[]) ?? []).map((l) => l.id));
    const bids = new Set(((((r.bids as Json) ?? {}).details as Json[]) ?? []).map((b) => b.id));
    const awards = (r.awards as Json[]) ?? [];
    for (const a of awards) {
      for (const lot of (a.relatedLots as string[]) ?? [])
        if (!lots.has(lot)) problems.push(`${key}: award ${a.id} points to unknown lot ${lot}`);
      for (const bid of (a.relatedBids as string[]) ?? [])
        if (!bids.has(bid)) problems.push(`${key}: award ${a.id} points to unknown bid ${bid}`);
    }
    const awardIds = new Set(awards.map((a) => a.id));
    for (const c of (r.contracts as Json[]) ?? [])
      if (!awardIds.has(c.awardID)) problems.push(`${key}: contract ${c.id} points to unknown award`);
    for (const path of emptyFields(r)) problems.push(`${key}: empty field ${path}`);
  }
  return problems;
}

function emptyFields(value: unknown, path = ''): string[] {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyFields(v, `${path}/${i}`));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Json);
    return entries.length === 0 ? [path] : entries.flatMap(([k, v]) => emptyFields(v, `${path}/${k}`));
  }
  return [];
}
