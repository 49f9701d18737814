/** UI languages: Spanish (Colombia) first, English available. */
export const LOCALES = ['es-CO', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es-CO';
/** Times are stored in UTC and shown in this zone. */
export const DISPLAY_TIME_ZONE = 'America/Bogota';
