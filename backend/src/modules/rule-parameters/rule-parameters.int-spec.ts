import { RULE_PARAMETERS, type RuleParameterVersionView } from '@eslabon/contracts';
import { ruleParameterProblems } from '@eslabon/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Browser, TestStack, createAccount, createTestStack, signedIn } from '../../testing';

describe('rule parameters', () => {
  let stack: TestStack;
  let asAdmin: Browser;
  beforeAll(async () => {
    stack = await createTestStack();
    asAdmin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
  });
  afterAll(() => stack.close());

  const list = async (): Promise<RuleParameterVersionView[]> =>
    (await request(stack.api.getHttpServer()).get('/api/v1/reference/rule-parameters').expect(200)).body;

  it('ships the RULES.md figures with their sources, each marked current', async () => {
    const versions = await list();
    const uvt2026 = versions.find((v) => v.parameter === 'uvt' && v.period === '2026');
    expect(uvt2026).toMatchObject({ value: 52_374, source: 'DIAN, Resolución 000238 de 2025', current: true });
    expect(versions.find((v) => v.parameter === 'size_thresholds')?.value).toMatchObject({
      servicios: { micro: 32_988, pequena: 131_951, mediana: 483_034 },
    });
  });

  it('ships versions in force that pass the checks an admin’s version must pass', async () => {
    const versions = await list();
    expect(new Set(versions.map((v) => v.parameter))).toEqual(new Set(RULE_PARAMETERS));
    // A superseded version stays as it was when classifications used it, even if the rule gained a field since.
    for (const v of versions.filter((version) => version.current))
      expect([v.parameter, v.period, ruleParameterProblems(v.parameter, v.period, v.value)]).toEqual([v.parameter, v.period, []]);
  });

  it('adds a correction as a new version that supersedes the old one, which stays listed', async () => {
    const created = await asAdmin
      .post('/api/v1/reference/rule-parameters', {
        parameter: 'smmlv',
        period: '2026',
        value: 1_750_906,
        validFrom: '2026-01-01',
        source: 'Corrección',
      })
      .expect(201);
    const smmlv2026 = (await list()).filter((v) => v.parameter === 'smmlv' && v.period === '2026');
    expect(smmlv2026.map((v) => [v.value, v.current])).toEqual([
      [1_750_906, true],
      [1_750_905, false],
    ]);
    // Versions are never edited, not even by hand in SQL.
    await expect(
      stack.api.get(DataSource).query(`UPDATE rule_parameter_versions SET value = '1' WHERE id = $1`, [created.body.id]),
    ).rejects.toThrow(/never changed/);
  });

  it('refuses values the rule cannot use, on their fields', async () => {
    const bad = await asAdmin
      .post('/api/v1/reference/rule-parameters', {
        parameter: 'size_thresholds',
        period: '2026',
        value: {
          manufactura: { micro: 1, pequena: 2, mediana: 3 },
          servicios: { micro: 5, pequena: 4, mediana: 6 },
          comercio: { micro: 1, pequena: 2 },
        },
        validFrom: '2026-01-01',
        source: 'x',
      })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['period', 'period_format'],
      ['value.servicios', 'thresholds_order'],
      ['value.comercio.mediana', 'positive_integer'],
    ]);
  });

  it('is changed only by platform admins', async () => {
    const officer = await signedIn(stack.api, await createAccount(stack.api, 'oversight', 'officer'));
    await officer
      .post('/api/v1/reference/rule-parameters', { parameter: 'uvt', period: '2027', value: 1, validFrom: '2027-01-01', source: 'x' })
      .expect(403);
  });
});
