import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDivipola, parseUnspsc } from './reference-csv';

const shipped = (file: string) => readFileSync(join(__dirname, 'data', file), 'utf8');

describe('parseUnspsc', () => {
  it('accepts the shipped file: 57 segments, 421 families, 3.802 classes', () => {
    const parsed = parseUnspsc(shipped('unspsc-classes-es.csv'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const count = (level: string) => parsed.rows.filter((r) => r.level === level).length;
    expect([count('segment'), count('family'), count('class')]).toEqual([57, 421, 3802]);
    expect(parsed.rows[0]).toEqual({
      code: '10',
      level: 'segment',
      name: 'Material Vivo Vegetal y Animal, Accesorios y Suministros',
      parentCode: null,
    });
  });

  it.each([
    ['code,level,name\n10,segment,X', 1, 'parent'],
    ['code,level,name,parent\n1,segment,X,', 2, 'code'],
    ['code,level,name,parent\n10,segment,X,\n1010,family,Y,11', 3, 'parent'],
    ['code,level,name,parent\n10,segment,X,\n10,segment,X,', 3, 'code'],
    ['code,level,name,parent\n10,product,X,', 2, 'level'],
    ['code,level,name,parent\n', 2, ''],
  ])('reports %j at line %d, field %j', (csv, line, field) => {
    const parsed = parseUnspsc(csv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line, field });
  });
});

describe('parseDivipola', () => {
  it('accepts the shipped file with its 1.123 municipalities, codes kept as strings', () => {
    const parsed = parseDivipola(shipped('divipola-municipios.csv'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.rows).toHaveLength(1123);
    expect(parsed.rows.find((r) => r.code === '05001')).toMatchObject({
      name: 'MEDELLÍN',
      departmentCode: '05',
      departmentName: 'ANTIOQUIA',
    });
    expect(parsed.rows.find((r) => r.code === '91405')).toMatchObject({ longitude: null, latitude: null });
  });

  const header = 'municipality_code,municipality_name,department_code,department_name,longitude,latitude\n';
  it.each([
    [`${header}5001,MEDELLÍN,05,ANTIOQUIA,,`, 'municipality_code'],
    [`${header}08001,MEDELLÍN,05,ANTIOQUIA,,`, 'municipality_code'],
    [`${header}05001,MEDELLÍN,5,ANTIOQUIA,,`, 'department_code'],
    [`${header}05001,MEDELLÍN,05,ANTIOQUIA,oeste,`, 'longitude'],
  ])('rejects %j (%s)', (csv, field) => {
    const parsed = parseDivipola(csv);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.field)).toEqual([field]);
  });
});
