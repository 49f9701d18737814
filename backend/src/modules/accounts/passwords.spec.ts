import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('una clave bien larga');
    expect(stored).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(stored, 'una clave bien larga')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'otra clave')).resolves.toBe(false);
  });

  it('never accepts anything when there is no account', async () => {
    await expect(verifyPassword(null, 'dummypassword')).resolves.toBe(false);
  });
});
