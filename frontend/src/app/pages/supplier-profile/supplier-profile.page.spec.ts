import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SupplierProfileView } from '@eslabon/contracts';
import { nitCheckDigit } from '@eslabon/domain';
import { Session } from '../../core/session/session.service';
import { SupplierProfilePage } from './supplier-profile.page';

const PROFILE_URL = '/api/v1/suppliers/org-1/profile';
const NIT = '900373913';
const DV = String(nitCheckDigit(NIT));

const newSupplier: SupplierProfileView = {
  organizationId: 'org-1',
  identity: null,
  legal: null,
  capabilities: { unspscClasses: [], description: '', certifications: '', productionCapacity: '', nationalProducts: [] },
  classes: [],
  nationalProducts: [],
  size: null,
  womenLedCriteria: [],
  documents: [],
  completeness: {
    percent: 0,
    completedSteps: [],
    missing: ['identity', 'legal', 'unspscClasses', 'description', 'rut', 'chamber_certificate'],
  },
  verification: { status: 'unverified', reason: null, decidedAt: null },
  updatedAt: '2026-03-02T15:00:00.000Z',
};

const withIdentity: SupplierProfileView = {
  ...newSupplier,
  identity: {
    personType: 'legal',
    legalName: 'Taller Sur S.A.S.',
    tradeName: null,
    nit: NIT,
    checkDigit: DV,
    legalRepresentative: 'Ana Pérez',
    contactEmail: 'ventas@tallersur.co',
    contactPhone: '3001234567',
    domicileMunicipality: '05001',
    coverageScope: 'national',
    coverageCodes: [],
  },
};

describe('SupplierProfilePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SupplierProfilePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u-1', email: 'ana@tallersur.co', name: 'Ana', locale: 'es-CO' },
      memberships: [
        { organizationId: 'org-1', organizationName: 'Taller Sur', kind: 'supplier', status: 'active', role: 'supplier_admin' },
      ],
      activeOrganizationId: 'org-1',
    });
  });
  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

  /** Renders the page with a profile, answering the pickers' DIVIPOLA look-ups. */
  async function render(profile: SupplierProfileView) {
    const fixture = TestBed.createComponent(SupplierProfilePage);
    fixture.detectChanges();
    http.expectOne(PROFILE_URL).flush(profile);
    await fixture.whenStable();
    http.match('/api/v1/reference/divipola/departments').forEach((r) => r.flush([{ code: '05', name: 'ANTIOQUIA' }]));
    http
      .match((r) => r.url === '/api/v1/reference/divipola/municipalities')
      .forEach((r) =>
        r.flush([
          { code: '05002', name: 'ABEJORRAL', departmentCode: '05' },
          { code: '05001', name: 'MEDELLÍN', departmentCode: '05' },
        ]),
      );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return {
      el,
      stable: () => fixture.whenStable(),
      type(selector: string, value: string): void {
        const input = el.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      },
      /** Opens a mat-select and clicks one of its options. */
      async choose(select: HTMLElement, option: string): Promise<void> {
        select.click();
        await fixture.whenStable();
        const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
        options.find((o) => o.textContent?.trim() === option)?.click();
        await fixture.whenStable();
      },
      /** The message under a field, found by its control name inside a step. */
      errorOf: (step: string, control: string) =>
        text(el.querySelector(`${step} [formcontrolname=${control}]`)?.closest('mat-form-field')?.querySelector('mat-error')),
    };
  }

  it('shows a new supplier how complete the profile is and that it is unverified', async () => {
    const { el } = await render(newSupplier);
    expect(text(el.querySelector('.completeness-title'))).toBe('Perfil completo al 0 %');
    expect(text(el.querySelector('[data-testid=missing]'))).toBe(
      'Falta: identidad, situación legal, clases UNSPSC de lo que vende, descripción, RUT, certificado de Cámara de Comercio.',
    );
    expect(text(el.querySelector('[data-testid=verification]'))).toBe('Declarado, sin verificar');
    expect(el.querySelector('[data-testid=size-class]')).toBeNull();
  });

  it('checks the NIT check digit in the browser, next to the DV field', async () => {
    const page = await render(newSupplier);
    page.type('esl-identity-step [formcontrolname=nit]', NIT);
    page.type('esl-identity-step [formcontrolname=checkDigit]', String((Number(DV) + 1) % 10));
    page.el.querySelector<HTMLButtonElement>('esl-identity-step button[type=submit]')?.click();
    await page.stable();
    expect(page.errorOf('esl-identity-step', 'checkDigit')).toBe('El dígito de verificación no corresponde a este NIT.');
    http.expectNone(`${PROFILE_URL}/identity`);
  });

  it('shows the server’s field errors next to their fields, keeping what was typed, then saves and moves on', async () => {
    const page = await render(withIdentity);
    page.type('esl-identity-step [formcontrolname=legalName]', 'Confecciones Taller Sur S.A.S.');
    page.type('esl-identity-step [formcontrolname=nit]', '900.373.913');
    const submit = page.el.querySelector<HTMLButtonElement>('esl-identity-step button[type=submit]') as HTMLButtonElement;
    submit.click();

    const refused = http.expectOne(`${PROFILE_URL}/identity`);
    expect(refused.request.method).toBe('PUT');
    expect(refused.request.body).toMatchObject({ legalName: 'Confecciones Taller Sur S.A.S.', nit: NIT, checkDigit: DV, tradeName: null });
    refused.flush(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        code: 'validation_failed',
        errors: [
          { pointer: '/contactPhone', field: 'contactPhone', code: 'format', messages: ['contactPhone has an invalid format'] },
          { pointer: '/domicileMunicipality', field: 'domicileMunicipality', code: 'unknown_municipality', messages: ['unknown'] },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await page.stable();
    expect(page.errorOf('esl-identity-step', 'contactPhone')).toBe('El formato no es válido.');
    expect(text(page.el.querySelector('esl-municipality-picker mat-error'))).toBe('No existe un municipio con ese código DIVIPOLA.');
    expect(page.el.querySelector<HTMLInputElement>('esl-identity-step [formcontrolname=legalName]')?.value).toBe(
      'Confecciones Taller Sur S.A.S.',
    );

    page.type('esl-identity-step [formcontrolname=contactPhone]', '6045551234');
    await page.choose(page.el.querySelectorAll<HTMLElement>('esl-municipality-picker mat-select')[1], 'ABEJORRAL');
    submit.click();
    const saved = http.expectOne(`${PROFILE_URL}/identity`);
    expect(saved.request.body).toMatchObject({ contactPhone: '6045551234', domicileMunicipality: '05002' });
    saved.flush({
      ...withIdentity,
      completeness: { percent: 17, completedSteps: ['identity'], missing: newSupplier.completeness.missing.slice(1) },
    });
    await page.stable();
    expect(text(page.el.querySelector('.completeness-title'))).toBe('Perfil completo al 17 %');
    expect(text(page.el.querySelector('p[aria-live=polite]'))).toBe('Se guardó el paso «Identidad».');
    expect(text(page.el.querySelector('mat-step-header[aria-selected=true]'))).toContain('Situación legal');
  });

  it('refuses a negative income next to the field, then saves the legal standing and explains the size class', async () => {
    const page = await render(withIdentity);
    const legal = 'esl-legal-step';
    page.type(`${legal} [formcontrolname=incomeCop]`, '-5000000');
    const submit = page.el.querySelector<HTMLButtonElement>(`${legal} button[type=submit]`) as HTMLButtonElement;
    submit.click();
    await page.stable();
    expect(page.errorOf(legal, 'incomeCop')).toBe('Los ingresos no pueden ser negativos.');
    http.expectNone(`${PROFILE_URL}/legal`);

    const radio = (label: string) =>
      Array.from(page.el.querySelectorAll(`${legal} mat-radio-button`))
        .find((r) => r.textContent?.trim() === label)
        ?.querySelector('input');
    radio('Empresa')?.click();
    radio('Servicios')?.click();
    page.type(`${legal} [formcontrolname=incomeCop]`, '3.200.000.000');
    page.type(`${legal} [formcontrolname=constitutedOn]`, '2015-04-01');
    page.el.querySelector<HTMLInputElement>(`${legal} mat-checkbox input`)?.click();
    await page.stable();
    page.type(`${legal} .share mat-form-field:nth-child(1) input`, '3');
    page.type(`${legal} .share mat-form-field:nth-child(2) input`, '4');
    page.type(`${legal} .share mat-form-field:nth-child(3) input`, '2020-01-15');
    page.el.querySelector<HTMLInputElement>(`${legal} [data-testid=acfc] input`)?.click();
    submit.click();

    const saved = http.expectOne(`${PROFILE_URL}/legal`);
    expect(saved.request.body).toMatchObject({
      supplierType: 'company',
      sector: 'servicios',
      incomeCop: '3200000000',
      constitutedOn: '2015-04-01',
      womenLed: { ownership: { women: 3, total: 4, since: '2020-01-15' } },
      tieBreak: { bic: false },
      acfc: true,
      rupNumber: null,
      rupExpiresOn: null,
    });
    expect(Object.keys(saved.request.body.womenLed)).toEqual(['ownership']);
    saved.flush({
      ...withIdentity,
      size: {
        sizeClass: 'pequena',
        sector: 'servicios',
        incomeCop: '3200000000',
        incomeYear: 2025,
        uvtCop: 49799,
        uvtVersionId: 'uvt-2025',
        thresholdsVersionId: 'decreto-957',
        boundsUvt: { from: 32988, to: 131951 },
        mipyme: true,
        classifiedAt: '2026-03-02T15:00:00.000Z',
      },
      womenLedCriteria: ['ownership'],
    } satisfies SupplierProfileView);
    await page.stable();
    expect(text(page.el.querySelector('[data-testid=size-class]'))).toBe(
      'Pequeña: ingresos 2025 de $3.200 millones en servicios, entre 32.988 y 131.951 UVT',
    );
    expect(text(page.el.querySelector('[data-testid=mipyme]'))).toBe('Cuenta como mipyme (Ley 2069 de 2020).');
    expect(text(page.el.querySelector('[data-testid=women-led]'))).toBe(
      'Empresa de mujeres: más de la mitad de la propiedad es de mujeres.',
    );
  });
});
