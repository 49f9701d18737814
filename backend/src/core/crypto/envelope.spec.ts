import { randomBytes } from 'node:crypto';
import { LocalKeyWrapper, open, seal } from './envelope';

describe('envelope encryption', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never shows the plaintext in the sealed bytes', () => {
    const sealed = seal(key, Buffer.from('{"priceCop":"150000000"}'), 'bid:1');
    expect(sealed.ciphertext.toString('latin1')).not.toContain('150000000');
    expect(open(key, sealed, 'bid:1').toString()).toBe('{"priceCop":"150000000"}');
  });

  it.each([
    ['another key', (s: ReturnType<typeof seal>) => open(randomBytes(32), s, 'bid:1')],
    ['other associated data (a row swapped for another)', (s: ReturnType<typeof seal>) => open(key, s, 'bid:2')],
    [
      'a flipped byte',
      (s: ReturnType<typeof seal>) =>
        open(key, { ...s, ciphertext: Buffer.from(s.ciphertext.map((b, i) => (i === 0 ? b ^ 1 : b))) }, 'bid:1'),
    ],
  ])('refuses to open with %s', (_, attempt) => {
    const sealed = seal(key, Buffer.from('contenido'), 'bid:1');
    expect(() => attempt(sealed)).toThrow();
  });

  it('wraps and unwraps data keys with the master key, and refuses a master key of the wrong size', async () => {
    const wrapper = new LocalKeyWrapper(randomBytes(32).toString('base64'));
    const dataKey = randomBytes(32);
    expect((await wrapper.unwrap(await wrapper.wrap(dataKey))).equals(dataKey)).toBe(true);
    await expect(new LocalKeyWrapper(randomBytes(32).toString('base64')).unwrap(await wrapper.wrap(dataKey))).rejects.toThrow();
    expect(() => new LocalKeyWrapper(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
