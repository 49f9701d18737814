import { sniffFileType } from './file-signature';

describe('sniffFileType', () => {
  it.each<[string, number[] | string, string | null]>([
    ['a PDF', '%PDF-1.7\n', 'application/pdf'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['HTML named .pdf', '<html><script>', null],
    ['a PDF header cut short', '%PD', null],
    ['a ZIP (docx)', [0x50, 0x4b, 0x03, 0x04], null],
    ['nothing', [], null],
  ])('%s → %s', (_what, head, expected) => {
    const bytes = typeof head === 'string' ? Buffer.from(head, 'latin1') : Uint8Array.from(head);
    expect(sniffFileType(bytes)).toBe(expected);
  });
});
