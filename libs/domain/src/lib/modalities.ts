/**
 * Selection modalities (Ley 80 de 1993, Ley 1150 de 2007, Decreto 1082 de 2015; RULES.md §6). Buyers
 * under a special regime (state companies in competitive markets) follow their own manual.
 */
export const MODALITIES = [
  'licitacion_publica',
  'seleccion_abreviada_menor_cuantia',
  'seleccion_abreviada_subasta_inversa',
  'concurso_de_meritos',
  'minima_cuantia',
  'contratacion_directa',
  'regimen_especial',
] as const;
export type Modality = (typeof MODALITIES)[number];
