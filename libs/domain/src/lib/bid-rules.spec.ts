import { BidderFacts, callRefusals, canonicalJson, lotRefusals, sealedBidText } from './bid-rules';

const micro: BidderFacts = { mipyme: true, economiaPopular: false, domicileMunicipality: '15001' };
const large: BidderFacts = { mipyme: false, economiaPopular: false, domicileMunicipality: '11001' };
const popular: BidderFacts = { mipyme: true, economiaPopular: true, domicileMunicipality: '52001' };
const open = { reservedForMipymes: false, reservedForEconomiaPopular: false, territorialLimitation: null };

describe('callRefusals', () => {
  it.each([
    ['an open call, a large firm', { limitedToMipymes: false, territorial: null }, large, []],
    ['a limited call, a mipyme', { limitedToMipymes: true, territorial: null }, micro, []],
    ['a limited call, a large firm', { limitedToMipymes: true, territorial: null }, large, ['call_limited_to_mipymes']],
    ['limited to Boyacá, a mipyme of Tunja', { limitedToMipymes: true, territorial: { scope: 'department', codes: ['15'] } }, micro, []],
    [
      'limited to Boyacá, a mipyme of Pasto',
      { limitedToMipymes: true, territorial: { scope: 'department', codes: ['15'] } },
      popular,
      ['call_limited_territory'],
    ],
    [
      'limited to Tunja, a mipyme of Tunja',
      { limitedToMipymes: true, territorial: { scope: 'municipality', codes: ['15001'] } },
      micro,
      [],
    ],
  ] as const)('%s', (_, call, bidder, expected) => {
    expect(callRefusals(call, bidder)).toEqual(expected);
  });
});

describe('lotRefusals', () => {
  it.each([
    ['an open lot', open, large, []],
    ['reserved for mipymes, a large firm', { ...open, reservedForMipymes: true }, large, ['lot_reserved_mipymes']],
    ['reserved for mipymes, a micro firm', { ...open, reservedForMipymes: true }, micro, []],
    [
      'reserved for the economía popular, a micro firm',
      { ...open, reservedForEconomiaPopular: true },
      micro,
      ['lot_reserved_economia_popular'],
    ],
    ['reserved for the economía popular, an association', { ...open, reservedForEconomiaPopular: true }, popular, []],
    [
      'limited to Nariño, a firm of Bogotá',
      { ...open, territorialLimitation: { scope: 'department', codes: ['52'] } },
      large,
      ['lot_territory'],
    ],
    [
      'both reservations and a place, a large firm elsewhere',
      { reservedForMipymes: true, reservedForEconomiaPopular: true, territorialLimitation: { scope: 'municipality', codes: ['52001'] } },
      { ...large, domicileMunicipality: null },
      ['lot_reserved_mipymes', 'lot_reserved_economia_popular', 'lot_territory'],
    ],
  ] as const)('%s', (_, lot, bidder, expected) => {
    expect(lotRefusals(lot, bidder)).toEqual(expected);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: 'x', c: null }] }, '{"a":[{"c":null,"d":"x"}],"b":1}'],
    [{ a: undefined, b: 'ñ' }, '{"b":"ñ"}'],
    [[3, '2', true], '[3,"2",true]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is the same whatever order the keys came in', () => {
    expect(canonicalJson({ lots: [{ priceCop: '1', lotId: 'x' }], tenderId: 't' })).toBe(
      canonicalJson({ tenderId: 't', lots: [{ lotId: 'x', priceCop: '1' }] }),
    );
  });
});

describe('sealedBidText', () => {
  const head = { tenderId: 't', supplierOrganizationId: 's', version: 2, nonce: 'n', claims: null, plural: null };
  const lots = [
    { lotId: 'b-2', priceCop: '2' },
    { lotId: 'B-1', priceCop: '1' },
    { lotId: 'a-3', priceCop: '3' },
  ];

  it('orders lots and documents by their ids in code units, whatever order they came in', () => {
    const text = sealedBidText({ ...head, lots, documents: [{ documentId: 'd2' }, { documentId: 'd1' }] });
    expect(text).toBe(
      '{"claims":null,"documents":[{"documentId":"d1"},{"documentId":"d2"}],"lots":[{"lotId":"B-1","priceCop":"1"},' +
        '{"lotId":"a-3","priceCop":"3"},{"lotId":"b-2","priceCop":"2"}],"nonce":"n","plural":null,"supplierOrganizationId":"s","tenderId":"t","version":2}',
    );
    expect(sealedBidText({ ...head, lots: [...lots].reverse(), documents: [{ documentId: 'd1' }, { documentId: 'd2' }] })).toBe(text);
  });

  it('leaves out documents when a bid has none listed (a withdrawal)', () => {
    expect(sealedBidText({ ...head, lots: [], withdrawn: true })).toBe(
      '{"claims":null,"lots":[],"nonce":"n","plural":null,"supplierOrganizationId":"s","tenderId":"t","version":2,"withdrawn":true}',
    );
  });
});
