import { expect, test } from '@playwright/test';
import { linkMailedTo } from './support';

test('a supplier signs up, confirms the e-mail, signs in and invites a member', async ({ page }) => {
  const email = `e2e-${Date.now()}@prueba.co`;
  const member = `miembro-${Date.now()}@prueba.co`;

  await page.goto('/');
  await page.getByRole('link', { name: 'Registrarse' }).click();
  await page.getByLabel('Nombre de la organización').fill('Cooperativa Textil del Valle');
  await page.getByLabel('Su nombre').fill('Marta Lucía Ospina');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill('una-clave-muy-segura');
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByRole('status')).toContainText(email);

  const verification = new URL(await linkMailedTo(email, /Confirme su correo/));
  await page.goto(verification.pathname + verification.search);
  await expect(page.getByRole('status')).toHaveText('Su correo quedó confirmado. Ya puede ingresar.');

  await page.getByRole('link', { name: 'Ir a ingresar' }).click();
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill('una-clave-muy-segura');
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marta Lucía Ospina');
  await expect(page.getByTestId('memberships')).toContainText('Administrador del proveedor');

  await page.getByRole('navigation', { name: 'Navegación principal' }).first().getByRole('link', { name: 'Miembros' }).click();
  await page.getByLabel('Correo electrónico').fill(member);
  await page.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Miembro del proveedor' }).click();
  await page.getByRole('button', { name: 'Enviar invitación' }).click();
  await expect(page.getByText(`Invitación enviada a ${member}.`)).toBeVisible();
  await expect(page.getByTestId('invitations')).toContainText(member);
  expect(await linkMailedTo(member, /invita/i)).toContain('/invitacion?token=');
});

test('a wrong password is answered next to the form, and the form keeps the e-mail', async ({ page }) => {
  await page.goto('/ingresar');
  await page.getByLabel('Correo electrónico').fill('nadie@prueba.co');
  await page.getByLabel('Contraseña').fill('equivocada-123');
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('alert')).toHaveText('El correo o la contraseña no son correctos.');
  await expect(page.getByLabel('Correo electrónico')).toHaveValue('nadie@prueba.co');
});
