import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestStack, createAccount, createTestStack, signedIn } from '../../testing';

describe('reference data', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStack()));
  afterAll(() => stack.close());

  const get = (url: string) => request(stack.api.getHttpServer()).get(url);

  it('is loaded with the migrations and browsable as a tree', async () => {
    const segments = await get('/api/v1/reference/unspsc').expect(200);
    expect(segments.body).toHaveLength(57);
    const families = await get('/api/v1/reference/unspsc?parent=43').expect(200);
    expect(families.body.map((f: { code: string }) => f.code)).toContain('4321');
    const classes = await get('/api/v1/reference/unspsc?parent=4321').expect(200);
    expect(classes.body).toContainEqual({ code: '432115', level: 'class', name: 'Computadores', parentCode: '4321' });
  });

  it.each([
    ['computadores', '432115'],
    ['COMPUTADORES', '432115'],
    ['vehiculos', null],
    ['4321', '4321'],
  ])('finds "%s" ignoring case and accents', async (q, first) => {
    const res = await get(`/api/v1/reference/unspsc/search?q=${encodeURIComponent(q)}`).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    if (first) expect(res.body[0].code).toBe(first);
    else expect(res.body.some((n: { name: string }) => /veh[íi]culos/i.test(n.name))).toBe(true);
  });

  it('lists departments and their municipalities with codes as strings', async () => {
    const departments = await get('/api/v1/reference/divipola/departments').expect(200);
    expect(departments.body).toContainEqual({ code: '05', name: 'ANTIOQUIA', longitude: expect.any(Number), latitude: expect.any(Number) });
    const antioquiaSeat = departments.body.find((d: { code: string }) => d.code === '05');
    // The mean of Antioquia's municipal seats lies inside the department.
    expect(antioquiaSeat.latitude).toBeGreaterThan(5);
    expect(antioquiaSeat.longitude).toBeLessThan(-74);
    const antioquia = await get('/api/v1/reference/divipola/municipalities?department=05').expect(200);
    expect(antioquia.body).toContainEqual({ code: '05001', name: 'MEDELLÍN', departmentCode: '05' });
  });

  it('returns at most `limit` results', async () => {
    const res = await get('/api/v1/reference/unspsc/search?q=computador&limit=3').expect(200);
    expect(res.body).toHaveLength(3);
    await get('/api/v1/reference/unspsc/search?q=computador&limit=0').expect(400);
  });

  it('rejects malformed queries with field errors', async () => {
    const res = await get('/api/v1/reference/divipola/municipalities?department=5').expect(400);
    expect(res.body.errors[0].field).toBe('department');
    await get('/api/v1/reference/unspsc?parent=4321150').expect(400);
  });

  describe('reload by an admin', () => {
    const shipped = readFileSync(join(__dirname, 'data', 'unspsc-classes-es.csv'), 'utf8');

    it('refuses a file with errors, naming the lines, and changes nothing', async () => {
      const admin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
      const broken = `${shipped}9999999,class,Clase mal codificada,4321\n`;
      const res = await admin.put('/api/v1/reference/unspsc', { csv: broken, source: 'prueba' }).expect(400);
      expect(res.body.code).toBe('reference_file_invalid');
      expect(res.body.errors[0].messages[0]).toMatch(/^line 4282, column code/);
      const [{ n }] = await stack.api.get(DataSource).query(`SELECT count(*)::int AS n FROM unspsc_codes`);
      expect(n).toBe(4280);
    });

    it('loads a corrected file, records its source and version, and audits it', async () => {
      const admin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
      const renamed = shipped.replace('432115,class,Computadores,4321', '432115,class,Computadores personales,4321');
      const res = await admin.put('/api/v1/reference/unspsc', { csv: renamed, source: 'CCE v14.080' }).expect(200);
      expect(res.body).toMatchObject({ dataset: 'unspsc', rowCount: 4280 });
      const classes = await get('/api/v1/reference/unspsc?parent=4321').expect(200);
      expect(classes.body).toContainEqual(expect.objectContaining({ code: '432115', name: 'Computadores personales' }));
      const [dataset] = await stack.api.get(DataSource).query(`SELECT source, version FROM reference_datasets WHERE name = 'unspsc'`);
      expect(dataset).toEqual({ source: 'CCE v14.080', version: res.body.version });
      const [entry] = await stack.api
        .get(DataSource)
        .query(`SELECT action FROM audit_log WHERE entity_id = 'unspsc' ORDER BY id DESC LIMIT 1`);
      expect(entry.action).toBe('reference_data.loaded');
    });

    it('is for platform admins only', async () => {
      const supplier = await signedIn(stack.api, await createAccount(stack.api, 'supplier', 'supplier_admin'));
      await supplier.put('/api/v1/reference/unspsc', { csv: shipped, source: 'x' }).expect(403);
    });
  });
});
