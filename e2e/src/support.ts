import { Locator, Page, expect } from '@playwright/test';
import { addBusinessDays, nitCheckDigit } from '@eslabon/domain';

/** E-mails MailDev (started by npm test) caught for an address. */
export async function mailsTo(address: string): Promise<{ subject: string; text: string }[]> {
  const inbox = process.env['E2E_MAIL_CATCHER_URL'];
  if (!inbox) throw new Error('E2E_MAIL_CATCHER_URL is not set: run the browser tests with "npm run test:e2e".');
  return (await fetch(`${inbox}/api/email?to.address=${encodeURIComponent(address)}`)).json();
}

export async function linkMailedTo(address: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    link = /https?:\/\/\S+token=[\w-]+/.exec((await mailsTo(address)).find((m) => subject.test(m.subject))?.text ?? '')?.[0];
    expect(link).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return link as string;
}

/** Signs a new supplier up through the UI, confirms the e-mail and signs in. */
export async function signUpSupplier(page: Page, organization: string, person: string, email: string, password: string): Promise<void> {
  await page.goto('/registro');
  await page.getByLabel('Nombre de la organización').fill(organization);
  await page.getByLabel('Su nombre').fill(person);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByRole('status')).toContainText(email);
  const verification = new URL(await linkMailedTo(email, /Confirme su correo/));
  await page.goto(verification.pathname + verification.search);
  await expect(page.getByRole('status')).toHaveText('Su correo quedó confirmado. Ya puede ingresar.');
  await signIn(page, email, password);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/ingresar');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/ingresar'));
}

const bogotaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());

export async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The stepper keeps every step in the page; only the current one's buttons are visible. */
const next = (page: Page) => page.locator('button:visible', { hasText: /^\s*Siguiente\s*$/ }).click();

export interface WizardLot {
  title: string;
  /** Plain words typed in the UNSPSC search, and the option to pick. */
  words: string;
  unspsc: RegExp;
  value: string;
  reservedForMipymes?: boolean;
}

export interface WizardTender {
  title: string;
  description: string;
  department: string;
  municipality: string;
  lots: WizardLot[];
  /** Extra checks on the lots step, and before pressing Publicar. */
  checkLots?: () => Promise<void>;
  beforePublish?: () => Promise<unknown>;
}

/** A signed-in buyer creates a licitación pública with the wizard, opening in 15 business days, and publishes it; returns its id. */
export async function publishThroughWizard(page: Page, tender: WizardTender): Promise<string> {
  await page.goto('/comprador/procesos/nuevo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuevo proceso de compra');
  await page.getByLabel('Objeto del proceso').fill(tender.title);
  await page.getByLabel('Descripción de la necesidad').fill(tender.description);
  await choose(page, page, 'Modalidad de selección', 'Licitación pública');
  await choose(page, page, 'Departamento de ejecución', tender.department);
  await choose(page, page, 'Municipio de ejecución', tender.municipality);
  await next(page);

  if ((await page.locator('fieldset.lot').count()) === 0) await page.getByRole('button', { name: 'Agregar un lote' }).click();
  for (const [i, lot] of tender.lots.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Agregar un lote' }).click();
    const fieldset = page.getByTestId(`lot-${i}`);
    await fieldset.getByLabel('Nombre del lote').fill(lot.title);
    await fieldset.getByLabel('Buscar clase UNSPSC').fill(lot.words);
    await page.getByRole('option', { name: lot.unspsc }).click();
    await fieldset.getByLabel('Cantidad').fill('300');
    await fieldset.getByLabel('Unidad', { exact: true }).fill('unidad');
    await fieldset.getByLabel('Valor estimado (pesos)').fill(lot.value);
    if (lot.reservedForMipymes) await fieldset.getByRole('checkbox', { name: 'Reservar este lote a mipymes' }).check();
  }
  await tender.checkLots?.();
  await next(page);

  // The schedule in Colombian business days, from the modality's defaults.
  await page.getByTestId('opening-date').fill(addBusinessDays(bogotaToday(), 15));
  await page.getByRole('button', { name: 'Calcular plazos' }).click();
  await next(page);
  await expect(page.getByTestId('criteria-ok')).toBeVisible();
  await page.getByRole('tab', { name: /Revisión/ }).click();
  await tender.beforePublish?.();
  await page.getByRole('button', { name: 'Publicar' }).click();
  await page.waitForURL(/\/comprador\/procesos\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() as string;
}

/** Calls the API as the signed-in user of `page`, echoing the CSRF cookie as the app does. */
export async function apiCall(page: Page, method: 'PUT' | 'POST', path: string, data: unknown): Promise<unknown> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const res = await page.request.fetch(path, { method, data, headers: { 'X-XSRF-TOKEN': csrf } });
  expect(res.ok(), `${method} ${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return res.json();
}

export interface SupplierRegistration {
  organization: string;
  person: string;
  email: string;
  nit: string;
  /** Ordinary income of 2025, whole COP: it decides the size class (Decreto 957). */
  incomeCop: string;
  sector: 'manufactura' | 'servicios' | 'comercio';
  domicileMunicipality: string;
  coverage: { scope: 'national' } | { scope: 'departments'; codes: string[] };
  unspscClasses: string[];
  description: string;
}

/** Signs a supplier up through the pages and fills its profile through the API; returns its organization id. */
export async function registerSupplier(page: Page, s: SupplierRegistration): Promise<string> {
  await signUpSupplier(page, s.organization, s.person, s.email, 'una-clave-muy-segura');
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { memberships: { organizationId: string }[] };
  const organizationId = session.memberships[0].organizationId;
  const profile = `/api/v1/suppliers/${organizationId}/profile`;
  await apiCall(page, 'PUT', `${profile}/identity`, {
    personType: 'legal',
    legalName: s.organization,
    tradeName: null,
    nit: s.nit,
    checkDigit: String(nitCheckDigit(s.nit)),
    legalRepresentative: s.person,
    contactEmail: s.email,
    contactPhone: '+57 604 555 0101',
    domicileMunicipality: s.domicileMunicipality,
    coverageScope: s.coverage.scope,
    coverageCodes: s.coverage.scope === 'departments' ? s.coverage.codes : [],
  });
  await apiCall(page, 'PUT', `${profile}/legal`, {
    supplierType: 'company',
    sector: s.sector,
    incomeCop: s.incomeCop,
    incomeYear: 2025,
    constitutedOn: '2018-05-02',
    womenLed: {},
    tieBreak: {},
    rupNumber: null,
    rupExpiresOn: null,
  });
  await apiCall(page, 'PUT', `${profile}/capabilities`, {
    unspscClasses: s.unspscClasses,
    description: s.description,
    certifications: '',
    productionCapacity: '',
    nationalProducts: [],
  });
  return organizationId;
}
