import type { Locale, MatchReason } from '@eslabon/contracts';

/** A match's reasons in the reader's language, for e-mails; department names come from DIVIPOLA. */
export function reasonWords(reasons: MatchReason[], locale: Locale, departments: ReadonlyMap<string, string>): string[] {
  const es = locale === 'es-CO';
  return reasons.map((r) => {
    switch (r.code) {
      case 'class_match':
        return es ? `la clase ${r.unspsc} coincide (lote ${r.lot})` : `class ${r.unspsc} matches (lot ${r.lot})`;
      case 'family_match':
        return es ? `la familia ${r.unspsc} coincide (lote ${r.lot})` : `family ${r.unspsc} matches (lot ${r.lot})`;
      case 'operates_in': {
        const name = departments.get(r.department) ?? r.department;
        return es ? `opera en ${name}` : `operates in ${name}`;
      }
      case 'national_coverage':
        return es ? 'cubre todo el país' : 'covers the whole country';
      case 'reserved_mipymes':
        return es ? `el lote ${r.lot} está reservado a mipymes` : `lot ${r.lot} is reserved for mipymes`;
      case 'reserved_economia_popular':
        return es ? `el lote ${r.lot} está reservado a la economía popular` : `lot ${r.lot} is reserved for the economía popular`;
    }
  });
}
