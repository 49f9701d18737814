import type { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MunicipalityPicker } from './municipality-picker';
import { PlaceMultiSelect } from './place-multi-select';
import { useHttpTesting } from '../../../testing/http-testing';

@Component({
  imports: [ReactiveFormsModule, MunicipalityPicker, PlaceMultiSelect],
  template: `
    <esl-municipality-picker [formControl]="domicile" />
    <esl-place-multi-select [formControl]="coverage" level="municipalities" label="supplierProfile.identity.coverageMunicipalities" />
  `,
})
class Host {
  readonly domicile = new FormControl('05001', { nonNullable: true, validators: Validators.required });
  readonly coverage = new FormControl<string[]>(['05001', '76001'], { nonNullable: true });
}

const DEPARTMENTS = [
  { code: '05', name: 'ANTIOQUIA' },
  { code: '76', name: 'VALLE DEL CAUCA' },
];
const MUNICIPALITIES: Record<string, { code: string; name: string; departmentCode: string }[]> = {
  '05': [
    { code: '05001', name: 'MEDELLÍN', departmentCode: '05' },
    { code: '05002', name: 'ABEJORRAL', departmentCode: '05' },
  ],
  '76': [{ code: '76001', name: 'CALI', departmentCode: '76' }],
};

describe('DIVIPOLA pickers', () => {
  const httpTesting = useHttpTesting();
  let http: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;

  /** Answers the pending look-ups. */
  function answer(): void {
    http.match('/api/v1/reference/divipola/departments').forEach((r) => r.flush(DEPARTMENTS));
    http
      .match((r) => r.url === '/api/v1/reference/divipola/municipalities')
      .forEach((r) => r.flush(MUNICIPALITIES[r.request.params.get('department') ?? '']));
  }

  async function choose(select: Element, option: string): Promise<void> {
    (select as HTMLElement).click();
    await fixture.whenStable();
    answer();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.trim() === option)
      ?.click();
    await fixture.whenStable();
    answer();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    http = httpTesting();
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    // Both pickers ask; the list is fetched once.
    const departments = http.match('/api/v1/reference/divipola/departments');
    expect(departments).toHaveLength(1);
    departments[0].flush(DEPARTMENTS);
    answer();
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  it('shows the department and municipality of a code, and clears the municipality when the department changes', async () => {
    const [department, municipality] = Array.from(el.querySelectorAll('esl-municipality-picker mat-select'));

    expect(department.textContent).toContain('ANTIOQUIA');
    expect(municipality.textContent).toContain('MEDELLÍN');

    await choose(department, 'VALLE DEL CAUCA');
    expect(fixture.componentInstance.domicile.value).toBe('');
    expect(fixture.componentInstance.domicile.touched).toBe(true);
    await choose(municipality, 'CALI');
    expect(fixture.componentInstance.domicile.value).toBe('76001');
  });

  it('shows a refusal set on the host control inside the picker', async () => {
    fixture.componentInstance.domicile.setErrors({ server: 'unknown_municipality' });
    fixture.componentInstance.domicile.markAsTouched();
    await fixture.whenStable();
    expect(el.querySelector('esl-municipality-picker mat-error')?.textContent?.trim()).toBe(
      'No existe un municipio con ese código DIVIPOLA.',
    );
  });

  it('keeps municipalities chosen in other departments and names them as chips', async () => {
    const chips = () =>
      Array.from(el.querySelectorAll('esl-place-multi-select mat-chip')).map((c) => c.textContent?.replace('×', '').trim());
    expect(chips()).toEqual(['MEDELLÍN', 'CALI']);
    const [department, municipalities] = Array.from(el.querySelectorAll('esl-place-multi-select mat-select'));
    await choose(department, 'ANTIOQUIA');
    await choose(municipalities, 'ABEJORRAL');
    expect(fixture.componentInstance.coverage.value).toEqual(['76001', '05001', '05002']);
    el.querySelector<HTMLButtonElement>('esl-place-multi-select button[aria-label="Quitar CALI"]')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.coverage.value).toEqual(['05001', '05002']);
  });
});
