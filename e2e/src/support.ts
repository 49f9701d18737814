import { Page, expect } from '@playwright/test';

/** MailDev's REST API (started by npm test) holds what the app sent. */
export async function linkMailedTo(address: string, subject: RegExp): Promise<string> {
  const inbox = process.env['E2E_MAIL_CATCHER_URL'];
  if (!inbox) throw new Error('E2E_MAIL_CATCHER_URL is not set: run the browser tests with "npm run test:e2e".');
  let link: string | undefined;
  await expect(async () => {
    const mails: { subject: string; text: string }[] = await (
      await fetch(`${inbox}/api/email?to.address=${encodeURIComponent(address)}`)
    ).json();
    link = /https?:\/\/\S+token=[\w-]+/.exec(mails.find((m) => subject.test(m.subject))?.text ?? '')?.[0];
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
