import { changedFields, reverification } from './profile-changes';
import type { SupplierProfile } from './supplier.entities';

const profile = (verificationStatus: SupplierProfile['verificationStatus']) => ({ verificationStatus }) as SupplierProfile;
const RESET = { verificationStatus: 'unverified', verificationReason: null, verificationDecidedAt: null, verificationDecidedBy: null };

describe('reverification', () => {
  it.each<[SupplierProfile['verificationStatus'], string[], object]>([
    ['verified', ['incomeCop'], RESET],
    ['verified', ['nationalProducts'], RESET],
    ['rejected', ['nit', 'contactPhone'], RESET],
    ['verified', ['contactPhone', 'coverageCodes', 'description'], {}],
    ['unverified', ['incomeCop'], {}],
    ['verified', [], {}],
  ])('a %s profile changing %j', (status, changed, expected) => {
    expect(reverification(profile(status), changed)).toEqual(expected);
  });
});

describe('changedFields', () => {
  it('compares values, including arrays and objects, and treats missing as null', () => {
    expect(changedFields({ a: 1, b: ['x'], c: { y: 1 }, d: null }, { a: 1, b: ['x', 'z'], c: { y: 1 }, d: undefined, e: 'new' })).toEqual([
      'b',
      'e',
    ]);
  });
});
