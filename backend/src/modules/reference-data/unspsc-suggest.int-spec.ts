import { PROBLEM_CONTENT_TYPE, type UnspscSuggestion } from '@eslabon/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestStack, createAccount, createTestStack, signedIn } from '../../testing';

/**
 * How a small Colombian firm describes what it sells, and the class it should pick. Each expected code
 * was checked against data/unspsc-classes-es.csv. Held-out descriptions were set aside before the
 * shipped synonyms were written, and no synonym term was taken from them, so they show how the
 * suggestions fare on words nobody prepared for. One generic term added later, "cámaras de
 * seguridad", happens to match one of them.
 */
const DESCRIPTIONS: { text: string; code: string; heldOut?: true }[] = [
  { text: 'vendemos uniformes y dotación para trabajadores', code: '531027' }, // Uniformes
  { text: 'hacemos mantenimiento a aires acondicionados', code: '721512' }, // Servicios de … HVAC … aire acondicionado
  { text: 'arreglamos computadores', code: '811123' }, // Mantenimiento y soporte de hardware de computador
  { text: 'suministro de refrigerios y almuerzos para eventos', code: '901016' }, // Servicios de banquetes y catering
  { text: 'fabricamos pupitres y sillas escolares', code: '561215' }, // Mobiliario general de aula
  { text: 'vendemos papelería y útiles de oficina', code: '441216' }, // Suministros de escritorio
  { text: 'prestamos el servicio de aseo y limpieza de oficinas', code: '761115' }, // Servicios de limpieza … de oficinas
  { text: 'distribuimos productos de aseo: jabón, detergente, cloro y desinfectante', code: '471318' }, // Soluciones de limpieza y desinfección
  { text: 'confeccionamos overoles y ropa de trabajo', code: '531021' }, // Batas y monos (overalls)
  { text: 'vendemos café y aromáticas para la cafetería de la oficina', code: '502017' }, // Café y té
  { text: 'pavimentación de vías y construcción de carreteras terciarias', code: '721410' }, // Servicios de construcción de autopistas y carreteras
  { text: 'desarrollamos software a la medida para empresas', code: '811115' }, // Ingeniería de software o hardware
  { text: 'vendemos licencias de antivirus', code: '432332', heldOut: true }, // Software de seguridad y protección
  { text: 'transporte de personal en buses y busetas', code: '781118' }, // Transporte de pasajeros por carretera (unnamed in the source)
  { text: 'empresa de vigilancia y seguridad privada con guardas', code: '921215' }, // Servicios de guardias
  { text: 'vendemos computadores portátiles y de escritorio', code: '432115' }, // Computadores
  { text: 'tipografía y litografía: impresión de formatos, talonarios y tarjetas', code: '821215', heldOut: true }, // Impresión
  { text: 'venta de llantas para carros y camiones', code: '251725' }, // Neumáticos y cámaras de neumáticos
  { text: 'estación de servicio: venta de gasolina y ACPM', code: '151015' }, // Petróleo y destilados
  { text: 'fumigación y control de plagas en edificios', code: '721021' }, // Control de plagas
  { text: 'mantenimiento de zonas verdes, poda de césped y jardinería', code: '701117' }, // Parques, jardines y huertos
  { text: 'escuela de conducción: cursos para conductores', code: '861317', heldOut: true }, // Conducción de vehículos, buques y aeronaves
  { text: 'contadores públicos: llevamos la contabilidad de empresas', code: '841115' }, // Servicios contables
  { text: 'revisoría fiscal y auditoría externa', code: '841116' }, // Servicios de auditoría
  { text: 'abogados especialistas en derecho comercial y contratos', code: '801216' }, // Servicios de derecho comercial
  { text: 'taller de mecánica automotriz: mantenimiento de vehículos', code: '781815' }, // Servicios de mantenimiento y reparación de vehículos
  { text: 'distribuimos tornillería para construcción', code: '311615' }, // Tornillos
  { text: 'vendemos pintura para paredes y vinilos', code: '312115' }, // Pinturas y tapa poros
  { text: 'vendemos cemento gris y cal para obras', code: '301116' }, // Cemento y cal
  { text: 'vendemos botas de seguridad con puntera de acero', code: '461816', heldOut: true }, // Calzado de protección
  { text: 'panadería: pan, galletas y pasteles', code: '501819', heldOut: true }, // Pan, galletas y pastelitos dulces
  { text: 'vendemos carne de res, cerdo y pollo', code: '501115' }, // Carne y aves de corral
  { text: 'agua potable en botellones para oficinas', code: '502023' }, // Bebidas no alcohólicas
  { text: 'vendemos resmas de papel carta y oficio', code: '141115' }, // Papel de imprenta y papel de escribir
  { text: 'hacemos instalaciones eléctricas en edificaciones', code: '721515' }, // Servicios de sistemas eléctricos
  { text: 'vendemos cámaras de seguridad para vigilancia', code: '461716', heldOut: true }, // Equipo de vigilancia y detección
  { text: 'tóner y cartuchos para impresoras', code: '441031' }, // Suministros para impresora, fax y fotocopiadora
  { text: 'mensajería y envío de paquetes', code: '781022' }, // Servicios postales de paqueteo y courrier
  { text: 'organización de ferias y eventos empresariales', code: '801419' }, // Exhibiciones y ferias comerciales
  { text: 'hotel: alojamiento para funcionarios en comisión', code: '901115', heldOut: true }, // Hoteles y moteles y pensiones
  { text: 'recolección de basuras y residuos sólidos', code: '761215' }, // Recolección y disposición de basuras
  { text: 'fabricamos escritorios y archivadores metálicos para oficina', code: '561017' }, // Muebles de oficina
  { text: 'lavandería de ropa hospitalaria y sábanas', code: '911115', heldOut: true }, // Servicios de lavandería
  { text: 'venta y recarga de extintores', code: '461916' }, // Equipo contra incendios
  { text: 'botiquines de primeros auxilios', code: '421720' }, // Kits para los servicios médicos de urgencias y campo
  { text: 'venta de celulares y accesorios', code: '431915' }, // Dispositivos de comunicación personal
  { text: 'alquiler de fotocopiadoras e impresoras', code: '801618', heldOut: true }, // Servicios de alquiler … de equipo de oficina
  { text: 'mantenimiento de equipos biomédicos', code: '851615' }, // Reparación de equipo médico o quirúrgico
  { text: 'plomería e instalaciones hidráulicas y sanitarias', code: '721511' }, // Servicios de construcción de plomería
  { text: 'vendemos bombillos y lámparas LED', code: '391016', heldOut: true }, // Lámparas y bombillas
];

/**
 * A second held-out set, written in one go before the synonym list was widened family by family and
 * never used to pick a synonym: thirty descriptions across the sectors small firms and economía
 * popular units sell to public buyers in, each expected class checked against data/unspsc-classes-es.csv.
 * No synonym term was taken from them; of the terms added since, only the generic "huevos" matches one.
 */
const FRESH_HELD_OUT: { text: string; code: string }[] = [
  { text: 'vendemos papa pastusa y papa criolla', code: '504057' }, // Papas
  { text: 'producimos leche, kumis y yogur', code: '501317' }, // Productos de leche y mantequilla
  { text: 'granja avícola: venta de huevo rojo en cubetas', code: '501316' }, // Huevos y sustitutos
  { text: 'pescadería: mojarra, bagre y tilapia fresca', code: '501215' }, // Pescado
  { text: 'ladrillera: ladrillo tolete, farol y adoquín', code: '301316' }, // Ladrillos
  { text: 'vendemos tejas de zinc y de fibrocemento', code: '301515' }, // Material para tejados y techos
  { text: 'vendemos palas, picas y azadones para el campo', code: '271120' }, // Herramientas manuales de jardinería, agricultura y forestación
  { text: 'taller de soldadura: soldamos y reparamos piezas metálicas', code: '731819' }, // Servicios de soldadura
  { text: 'confección de sábanas, fundas de almohada y cobijas', code: '521215' }, // Ropa de cama
  { text: 'batas y gorros desechables para personal de salud', code: '421316' }, // Vestuario para el personal sanitario …
  { text: 'vendemos gasas, vendas y esparadrapo', code: '423115' }, // Vendas y vendajes y productos relacionados
  { text: 'vendemos escobas, traperos y recogedores', code: '471316' }, // Escobas, traperos, cepillos y accesorios
  { text: 'venta de impresoras láser y multifuncionales', code: '432121' }, // Impresoras de computador
  { text: 'soporte y actualización de programas de facturación', code: '811122' }, // Mantenimiento y soporte de software
  { text: 'transporte de carga en camión a nivel nacional', code: '781018' }, // Transporte de carga por carretera
  { text: 'orquesta y mariachis para eventos y celebraciones', code: '901315' }, // Actuaciones en vivo
  { text: 'imprenta: impresión de libros, cartillas y revistas', code: '821215' }, // Impresión
  { text: 'vendemos juegos de sala, comedores y camas', code: '561015' }, // Muebles (de alojamiento)
  { text: 'venta de interruptores, tomas y clavijas', code: '391222' }, // Interruptores eléctricos y accesorios
  { text: 'instalación de alarmas y cámaras en conjuntos residenciales', code: '721517' }, // Servicios de instalación de sistemas de seguridad física …
  { text: 'consultoría para empresas en planeación estratégica y procesos', code: '801015' }, // Servicios de consultoría de negocios y administración corporativa
  { text: 'hacemos velas artesanales y aromáticas', code: '601221' }, // Velas artesanales
  { text: 'distribuimos gas propano en cilindros', code: '151115' }, // Combustibles gaseosos
  { text: 'venta de baterías para carros y motos', code: '261117' }, // Baterías, pilas y accesorios
  { text: 'material de vidrio para laboratorio: probetas, beakers y pipetas', code: '411218' }, // Artículos de vidrio o plástico … de laboratorio
  { text: 'vendemos tableros acrílicos y borradores para colegios', code: '441119' }, // Tableros
  { text: 'cultivamos aguacate hass para exportación', code: '504017' }, // Aguacates
  { text: 'consultorio odontológico: limpiezas, calzas y ortodoncia', code: '851220' }, // Servicios dentales
  { text: 'enseñamos inglés a niños y adultos', code: '861117' }, // Educación de idiomas
  { text: 'diseño de logos e imagen corporativa', code: '821415' }, // Servicios de diseño artístico
];

describe('UNSPSC suggestions', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStack()));
  afterAll(() => stack.close());

  const suggest = (text: string, limit?: number) =>
    request(stack.api.getHttpServer())
      .get('/api/v1/reference/unspsc/suggest')
      .query(limit === undefined ? { text } : { text, limit });

  /** Rank of the expected class among the first five (0 when absent), and a line for each miss. */
  const measure = async (table: { text: string; code: string }[]) => {
    const ranks: number[] = [];
    const misses: string[] = [];
    for (const { text, code } of table) {
      const res = await suggest(text, 5).expect(200);
      const codes = (res.body as UnspscSuggestion[]).map((s) => s.code);
      const rank = codes.indexOf(code) + 1;
      ranks.push(rank);
      if (rank !== 1) misses.push(`${rank === 0 ? 'not in top 5' : `#${rank}`}: "${text}" → ${code} (got ${codes.slice(0, 3).join(', ')})`);
    }
    return { ranks, misses };
  };
  const rate = (ranks: number[], within: number) => ranks.filter((r) => r >= 1 && r <= within).length / ranks.length;

  /**
   * Measured on the shipped data (909 synonyms): all 50 → top-1 40/50 (80 %), top-5 47/50 (94 %);
   * held-out 10 → top-1 3/10, top-5 7/10. With the earlier 370 synonyms: 39/50, 46/50; 2/10, 6/10.
   * The floors leave a little room for changes of the shipped files.
   */
  it('puts the right class first for most descriptions and in the top five for nearly all', async () => {
    const { ranks, misses } = await measure(DESCRIPTIONS);
    const heldOut = ranks.filter((_, i) => DESCRIPTIONS[i].heldOut === true);
    const figures = {
      all: { top1: rate(ranks, 1), top5: rate(ranks, 5), n: ranks.length },
      heldOut: { top1: rate(heldOut, 1), top5: rate(heldOut, 5), n: heldOut.length },
    };
    console.log(`UNSPSC suggestion hit rates: ${JSON.stringify(figures)}\n${misses.join('\n')}`);
    expect(figures.all.top1).toBeGreaterThanOrEqual(0.74);
    expect(figures.all.top5).toBeGreaterThanOrEqual(0.88);
    expect(figures.heldOut.top5).toBeGreaterThanOrEqual(0.5);
  });

  /**
   * Measured on the shipped data (909 synonyms): top-1 13/30 (43 %), top-5 18/30 (60 %); with the
   * earlier 370 synonyms, before the list was widened: top-1 12/30 (40 %), top-5 18/30 (60 %). Words
   * outside the list are what this set measures, so it barely moves with the list: expect real
   * descriptions to land near it wherever the list does not know the supplier's words.
   */
  it('places descriptions written apart from the synonyms', async () => {
    const { ranks, misses } = await measure(FRESH_HELD_OUT);
    const figures = { top1: rate(ranks, 1), top5: rate(ranks, 5), n: ranks.length };
    console.log(`UNSPSC suggestion hit rates, fresh held-out: ${JSON.stringify(figures)}\n${misses.join('\n')}`);
    expect(figures.top1).toBeGreaterThanOrEqual(0.4);
    expect(figures.top5).toBeGreaterThanOrEqual(0.55);
  });

  it('answers classes only, best first, with their family and segment', async () => {
    const res = await suggest('vendemos computadores portátiles').expect(200);
    const suggestions = res.body as UnspscSuggestion[];
    expect(suggestions.length).toBeGreaterThan(1);
    expect(suggestions.length).toBeLessThanOrEqual(10);
    expect(suggestions[0]).toEqual({
      code: '432115',
      name: 'Computadores',
      familyName: 'Equipo informático y accesorios',
      segmentName: 'Difusión de Tecnologías de Información y Telecomunicaciones',
      score: expect.any(Number),
    });
    for (const s of suggestions) expect(s.code).toMatch(/^\d{6}$/);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Math.max(...scores)).toBeLessThanOrEqual(1);
  });

  it.each([
    ['COMPUTADOR PORTATIL', '432115'],
    ['computdores', '432115'],
    ['mantenimieto de aires acondisionados', '721512'],
    ['vijilancia privada', '921215'],
    ['tapabocas', '461820'],
  ])('reads "%s" despite case, accents, singular and typos', async (text, code) => {
    const res = await suggest(text).expect(200);
    expect(res.body[0].code).toBe(code);
  });

  it('answers nothing for words it cannot place', async () => {
    await suggest('xyzzy').expect(200, []);
    await suggest('de la para').expect(200, []);
  });

  it('refuses a missing or too long text and a limit outside 1..20 as problems', async () => {
    const missing = await request(stack.api.getHttpServer()).get('/api/v1/reference/unspsc/suggest').expect(400);
    expect(missing.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('text');
    const long = await suggest('a'.repeat(501)).expect(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'text', code: 'too_long' });
    await suggest('uniformes', 0).expect(400);
    const large = await suggest('uniformes', 21).expect(400);
    expect(large.body.errors[0]).toMatchObject({ field: 'limit', code: 'too_large' });
    expect((await suggest('computadores', 3).expect(200)).body).toHaveLength(3);
  });

  it('follows a newer UNSPSC file an admin loads', async () => {
    const shipped = readFileSync(join(__dirname, 'data', 'unspsc-classes-es.csv'), 'utf8');
    const admin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
    expect((await suggest('ordenadores').expect(200)).body.map((s: UnspscSuggestion) => s.code)).not.toContain('432115');
    const renamed = shipped.replace('432115,class,Computadores,4321', '432115,class,Ordenadores,4321');
    await admin.put('/api/v1/reference/unspsc', { csv: renamed, source: 'prueba' }).expect(200);
    expect((await suggest('ordenadores').expect(200)).body[0]).toMatchObject({ code: '432115', name: 'Ordenadores' });
  });
});

describe('UNSPSC synonyms', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStack()));
  afterAll(() => stack.close());

  const suggest = (text: string) => request(stack.api.getHttpServer()).get('/api/v1/reference/unspsc/suggest').query({ text });
  const admin = async () => signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
  const lastAudit = async (entityId: string) => {
    const [entry] = await stack.api
      .get(DataSource)
      .query(`SELECT action, actor_user_id, summary FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [entityId]);
    return entry;
  };

  it('ships with everyday vocabulary', async () => {
    const res = await (await admin()).get('/api/v1/reference/unspsc/synonyms').expect(200);
    expect(res.body.length).toBeGreaterThan(200);
    expect(res.body).toContainEqual(
      expect.objectContaining({ term: 'tapabocas', expansion: 'protección respiración 461820', createdBy: null }),
    );
  });

  it('lets an admin add a synonym that changes suggestions at once, and delete it, both audited', async () => {
    const browser = await admin();
    expect((await suggest('chuspas de tela').expect(200)).body.map((s: UnspscSuggestion) => s.code)).not.toContain('531216');

    const created = await browser.post('/api/v1/reference/unspsc/synonyms', { term: '  Chuspas ', expansion: 'bolsas 531216' }).expect(201);
    expect(created.body).toMatchObject({ term: 'chuspas', expansion: 'bolsas 531216', createdBy: expect.any(String) });
    expect((await suggest('chuspas de tela').expect(200)).body[0].code).toBe('531216');
    expect(await lastAudit(created.body.id)).toMatchObject({
      action: 'unspsc_synonym.created',
      actor_user_id: created.body.createdBy,
      summary: { after: { term: 'chuspas', expansion: 'bolsas 531216' } },
    });

    const duplicate = await browser.post('/api/v1/reference/unspsc/synonyms', { term: 'CHUSPAS', expansion: 'bolsas' }).expect(409);
    expect(duplicate.body).toMatchObject({ code: 'synonym_exists', errors: [{ field: 'term' }] });

    await browser.send('DELETE', `/api/v1/reference/unspsc/synonyms/${created.body.id}`).expect(204);
    expect((await suggest('chuspas de tela').expect(200)).body.map((s: UnspscSuggestion) => s.code)).not.toContain('531216');
    expect(await lastAudit(created.body.id)).toMatchObject({ action: 'unspsc_synonym.deleted' });
    await browser.send('DELETE', `/api/v1/reference/unspsc/synonyms/${created.body.id}`).expect(404);
  });

  it.each([
    [{ term: '', expansion: 'bolsas' }, 'term', 'required'],
    [{ term: 'chuspa' }, 'expansion', 'required'],
    [{ term: 'x'.repeat(101), expansion: 'bolsas' }, 'term', 'too_long'],
    [{ term: 'chuspa', expansion: 'bolsas', note: 'x' }, 'note', 'not_allowed'],
    [{ term: 'de la', expansion: 'bolsas' }, 'term', 'synonym_term_empty'],
    [{ term: 'chuspa', expansion: 'de la' }, 'expansion', 'synonym_expansion_empty'],
    [{ term: 'chuspa', expansion: 'bolsas 999999' }, 'expansion', 'unknown_unspsc_class'],
  ])('refuses %j as a problem naming the field', async (body, field, code) => {
    const res = await (await admin()).post('/api/v1/reference/unspsc/synonyms', body).expect(400);
    expect(res.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('refuses a malformed id', async () => {
    const res = await (await admin()).send('DELETE', '/api/v1/reference/unspsc/synonyms/not-a-uuid').expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'id' });
  });

  it('is for platform admins only', async () => {
    const supplier = await signedIn(stack.api, await createAccount(stack.api, 'supplier', 'supplier_admin'));
    await supplier.get('/api/v1/reference/unspsc/synonyms').expect(403);
    await supplier.post('/api/v1/reference/unspsc/synonyms', { term: 'chuspa', expansion: 'bolsas' }).expect(403);
    await supplier.send('DELETE', '/api/v1/reference/unspsc/synonyms/00000000-0000-4000-8000-000000000000').expect(403);
    await request(stack.api.getHttpServer()).get('/api/v1/reference/unspsc/synonyms').expect(401);
  });
});
