import { isValidNit, nitCheckDigit, normalizeNit } from './nit';

describe('nitCheckDigit (RULES.md §9)', () => {
  it.each([
    ['830115297', 6],
    ['899999068', 1],
    ['800197268', 4],
    ['890903938', 8],
    ['830.115.297', 6],
    ['8600698041', 1],
    ['1', 8],
  ])('%s → %d', (nit, dv) => {
    expect(nitCheckDigit(nit)).toBe(dv);
  });

  it.each([[''], ['abc'], ['1234567890123456']])('%j has no check digit', (nit) => {
    expect(nitCheckDigit(nit)).toBeNull();
  });
});

describe('isValidNit', () => {
  it.each([
    ['830115297', '6', true],
    ['830115297', 6, true],
    ['830115297', '7', false],
    ['', '0', false],
  ])('%s-%s → %s', (nit, dv, valid) => {
    expect(isValidNit(nit, dv)).toBe(valid);
  });
});

describe('normalizeNit', () => {
  it('keeps digits only', () => {
    expect(normalizeNit(' 890.903-938 ')).toBe('890903938');
  });
});
