/**
 * Words both engines treat alike. Synonyms are groups of interchangeable single words written without
 * accents (the engines compare unaccented text); buyers and suppliers name the same goods differently.
 * Phrases are left out: Meilisearch would apply them and the PostgreSQL engine would not.
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['computador', 'computadora', 'ordenador', 'pc'],
  ['portatil', 'laptop'],
  ['celular', 'movil', 'smartphone'],
  ['impresora', 'impresoras'],
  ['camion', 'camiones', 'volqueta'],
  ['dotacion', 'uniformes'],
  ['aseo', 'limpieza'],
];

/** Shortest word in which one typo is forgiven (issue 6: one typo in a word of 5+ letters). */
export const MIN_WORD_FOR_TYPO = 5;
/** From this length two edits are forgiven: a swap of two letters counts as two. */
export const MIN_WORD_FOR_TWO_TYPOS = 9;

/**
 * Spanish words too common to rank by, in both spellings since queries are typed with and without
 * accents. Meilisearch drops them from queries and documents; PostgreSQL has its own Spanish list.
 */
export const SPANISH_STOP_WORDS: readonly string[] = `
  a al ante bajo con contra de del desde durante e el en entre hacia hasta mediante para por segun según sin sobre tras
  la las lo los le les un una uno unos unas y o u ni pero que qué como cómo cual cuál cuales cuáles donde dónde cuando
  cuándo se su sus es son ser esta está este esto estos estas ese esa esos esas mas más muy ya si sí tambien también etc
`
  .trim()
  .split(/\s+/);
