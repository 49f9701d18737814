import { randomBytes } from 'node:crypto';
import { reasonWords } from './reason-words';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const USER = '6f1c2b1e-4a7d-4c1e-9a57-2f0e4b8d9c11';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens({ bidMasterKey: randomBytes(32).toString('base64') });

  it('verifies what it issued', () => {
    expect(tokens.verify(tokens.issue(USER, 'tenderMatches'))).toEqual({ userId: USER, category: 'tenderMatches' });
  });

  it.each([
    ['another category', (t: string) => t.replace('tenderMatches', 'savedSearches')],
    ['another user', (t: string) => t.replace(USER.slice(0, 8), '00000000')],
    ['a changed signature', (t: string) => `${t.slice(0, -2)}xx`],
    ['an extra part', (t: string) => `${t}.x`],
    ['an unknown category', (t: string) => t.replace('tenderMatches', 'everything')],
    ['nothing', () => ''],
  ])('refuses %s', (_case, change) => {
    expect(tokens.verify(change(tokens.issue(USER, 'tenderMatches')))).toBeNull();
  });

  it('refuses a token of another deployment', () => {
    const other = new UnsubscribeTokens({ bidMasterKey: randomBytes(32).toString('base64') });
    expect(tokens.verify(other.issue(USER, 'tenderMatches'))).toBeNull();
  });
});

describe('reasonWords', () => {
  const departments = new Map([['05', 'ANTIOQUIA']]);
  it.each([
    [{ code: 'class_match', lot: 1, unspsc: '432115' } as const, 'la clase 432115 coincide (lote 1)', 'class 432115 matches (lot 1)'],
    [{ code: 'family_match', lot: 2, unspsc: '4321' } as const, 'la familia 4321 coincide (lote 2)', 'family 4321 matches (lot 2)'],
    [{ code: 'operates_in', department: '05' } as const, 'opera en ANTIOQUIA', 'operates in ANTIOQUIA'],
    [{ code: 'national_coverage' } as const, 'cubre todo el país', 'covers the whole country'],
    [{ code: 'reserved_mipymes', lot: 1 } as const, 'el lote 1 está reservado a mipymes', 'lot 1 is reserved for mipymes'],
    [
      { code: 'reserved_economia_popular', lot: 3 } as const,
      'el lote 3 está reservado a la economía popular',
      'lot 3 is reserved for the economía popular',
    ],
  ])('words %o', (reason, es, en) => {
    expect(reasonWords([reason], 'es-CO', departments)).toEqual([es]);
    expect(reasonWords([reason], 'en', departments)).toEqual([en]);
  });
});
