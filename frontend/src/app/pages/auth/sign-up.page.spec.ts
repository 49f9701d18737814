import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SignUpPage } from './sign-up.page';

describe('SignUpPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SignUpPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function fill(el: HTMLElement, values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const selector = name === 'password' ? 'esl-password-field input' : `input[formcontrolname=${name}]`;
      const input = el.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  it('checks fields in the browser before sending anything', async () => {
    const fixture = TestBed.createComponent(SignUpPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    await fill(el, { email: 'no-es-correo', password: 'corta' });
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Este campo es obligatorio.', 'Este campo es obligatorio.', 'Escriba un correo válido.', 'Demasiado corto.']);
    http.expectNone('/api/v1/auth/sign-up');
  });

  it('shows the server’s verdict next to the field it concerns, keeping what was typed', async () => {
    const fixture = TestBed.createComponent(SignUpPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    await fill(el, { organizationName: 'Taller Sur', name: 'Ana', email: 'ana@prueba.co', password: 'una-clave-larga' });
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const req = http.expectOne('/api/v1/auth/sign-up');
    expect(req.request.body).toMatchObject({ organizationKind: 'supplier', email: 'ana@prueba.co', locale: 'es-CO' });
    req.flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'email_taken',
        errors: [{ pointer: '/email', field: 'email', messages: ['taken'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Ya existe una cuenta con este correo.');
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname=organizationName]')?.value).toBe('Taller Sur');
  });

  it('tells a new supplier to check the e-mail', async () => {
    const fixture = TestBed.createComponent(SignUpPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    await fill(el, { organizationName: 'Taller Sur', name: 'Ana', email: 'ana@prueba.co', password: 'una-clave-larga' });
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    http
      .expectOne('/api/v1/auth/sign-up')
      .flush({ userId: 'u', organizationId: 'o', organizationStatus: 'active' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(el.querySelector('[role=status]')?.textContent).toContain('ana@prueba.co');
  });
});
