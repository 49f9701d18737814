/**
 * The type of an uploaded file, read from its first bytes rather than from its name or the browser's
 * claim, which the uploader controls. Only the types a procurement file needs are accepted.
 */
export const ACCEPTED_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AcceptedFileType = (typeof ACCEPTED_FILE_TYPES)[number];

const SIGNATURES: [AcceptedFileType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

export function sniffFileType(head: Uint8Array): AcceptedFileType | null {
  const hit = SIGNATURES.find(([, bytes]) => bytes.every((b, i) => head[i] === b));
  return hit ? hit[0] : null;
}
