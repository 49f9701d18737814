import { CompletenessInput, profileCompleteness } from './profile-completeness';
import { rpbnExpired } from './national-products';

const empty: CompletenessInput = {
  identity: false,
  legal: false,
  personType: null,
  unspscClassCount: 0,
  description: '',
  documentTypes: [],
};
const full: CompletenessInput = {
  identity: true,
  legal: true,
  personType: 'legal',
  unspscClassCount: 2,
  description: 'Dotación',
  documentTypes: ['rut', 'chamber_certificate'],
};

describe('profileCompleteness', () => {
  it.each<[string, CompletenessInput, number, string[], string[]]>([
    ['an empty profile', empty, 0, [], ['identity', 'legal', 'unspscClasses', 'description', 'rut', 'chamber_certificate']],
    ['a complete firm', full, 100, ['identity', 'legal', 'capabilities', 'documents'], []],
    [
      'a firm without its chamber certificate',
      { ...full, documentTypes: ['rut'] },
      83,
      ['identity', 'legal', 'capabilities'],
      ['chamber_certificate'],
    ],
    [
      'a natural person with the RUT only',
      { ...full, personType: 'natural', documentTypes: ['rut'] },
      100,
      ['identity', 'legal', 'capabilities', 'documents'],
      [],
    ],
    ['blank description', { ...full, description: '  ' }, 83, ['identity', 'legal', 'documents'], ['description']],
  ])('%s', (_what, input, percent, steps, missing) => {
    expect(profileCompleteness(input)).toEqual({ percent, completedSteps: steps, missing });
  });
});

describe('rpbnExpired', () => {
  it.each([
    ['2026-11-23', true],
    ['2026-11-24', false],
    ['2027-01-01', false],
  ])('a registration expiring %s is expired on 2026-11-24: %s', (expiresOn, expired) => {
    expect(rpbnExpired(expiresOn, '2026-11-24')).toBe(expired);
  });
});
