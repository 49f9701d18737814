import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { Session } from './core/session/session.service';

describe('App shell', () => {
  beforeEach(async () => {
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('has landmarks and a skip link to the main content', async () => {
    const el = await render();
    expect(el.querySelector('header')).not.toBeNull();
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Navegación principal');
    expect(el.querySelector('main#main')).not.toBeNull();
    expect(el.querySelector('footer')).not.toBeNull();
    expect(el.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
  });

  it('shows the public navigation to anonymous visitors, in Spanish', async () => {
    const el = await render();
    const links = Array.from(el.querySelectorAll('nav a')).map((a) => a.textContent?.trim());
    expect(links).toEqual(['Inicio', 'Estado del sistema', 'Procesos de compra', 'Planes de compra', 'Datos abiertos']);
    expect(el.querySelector('.account')?.textContent).toContain('Ingresar');
    expect(el.querySelector('[data-testid=bell]')).toBeNull();
  });

  it('shows the organization admin the members page and the way out', async () => {
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u', email: 'ana@prueba.co', name: 'Ana Gómez', locale: 'es-CO' },
      memberships: [{ organizationId: 'o', organizationName: 'Taller Sur', kind: 'supplier', status: 'active', role: 'supplier_admin' }],
      activeOrganizationId: 'o',
    });
    const el = await render();
    expect(Array.from(el.querySelectorAll('nav a')).map((a) => a.textContent?.trim())).toEqual([
      'Inicio',
      'Estado del sistema',
      'Procesos de compra',
      'Planes de compra',
      'Datos abiertos',
      'Mi perfil de proveedor',
      'Mis ofertas',
      'Notificaciones',
      'Miembros',
    ]);
    expect(el.querySelector('.account')?.textContent).toContain('Ana Gómez');
    expect(el.querySelector('.account')?.textContent).toContain('Salir');
    expect(el.querySelector('.account [data-testid=bell]')?.getAttribute('aria-label')).toBe('Notificaciones');
  });

  it('switches the whole shell to English', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const english = Array.from(el.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (b) => b.textContent?.trim() === 'EN',
    );
    english?.click();
    await fixture.whenStable();
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
    expect(Array.from(el.querySelectorAll('nav a')).map((a) => a.textContent?.trim())).toEqual([
      'Home',
      'System status',
      'Tenders',
      'Procurement plans',
      'Open data',
    ]);
    expect(document.documentElement.lang).toBe('en');
  });
});
