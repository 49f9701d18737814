import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SupplierProfileView } from '@eslabon/contracts';
import { CapabilitiesStep } from './capabilities-step';
import { useHttpTesting } from '../../../testing/http-testing';

const capabilities = {
  unspscClasses: ['531027'],
  description: 'Confección de uniformes',
  certifications: '',
  productionCapacity: '2.000 prendas al mes',
  nationalProducts: [
    { name: 'Uniforme escolar', unspscClass: '531027', rpbnNumber: 'RPBN-1', rpbnExpiresOn: '2020-01-31' },
    { name: 'Overol', unspscClass: '531027', rpbnNumber: 'RPBN-2', rpbnExpiresOn: '2999-12-31' },
  ],
};

const profile = {
  organizationId: 'org-1',
  capabilities,
  classes: [{ code: '531027', name: 'Uniformes' }],
  nationalProducts: [],
} as unknown as SupplierProfileView;

describe('CapabilitiesStep', () => {
  const httpTesting = useHttpTesting();
  let http: HttpTestingController;

  beforeEach(() => {
    http = httpTesting();
  });

  it('flags expired RPBN registrations and saves the capabilities as they were filled', async () => {
    const fixture = TestBed.createComponent(CapabilitiesStep);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('profile', profile);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const products = el.querySelectorAll('fieldset.product');
    expect(products).toHaveLength(2);
    expect(products[0].querySelector('[data-testid=rpbn-expired]')?.textContent).toContain('Registro vencido');
    expect(products[1].querySelector('[data-testid=rpbn-expired]')).toBeNull();
    expect(el.querySelector('mat-chip')?.textContent).toContain('531027 · Uniformes');

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const save = http.expectOne('/api/v1/suppliers/org-1/profile/capabilities');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual(capabilities);
    save.flush(profile);
  });
});
