import type { Locale } from './locales';

/**
 * Why a field was refused, as a code the API puts on each field error and both the API (by
 * Accept-Language) and the UI turn into words. One catalog, so the two never say different things.
 */
export const FIELD_ERROR_MESSAGES = {
  required: { 'es-CO': 'Este campo es obligatorio.', en: 'This field is required.' },
  email: { 'es-CO': 'Escriba un correo válido.', en: 'Enter a valid e-mail address.' },
  too_long: { 'es-CO': 'El texto es demasiado largo.', en: 'The text is too long.' },
  too_short: { 'es-CO': 'El texto es demasiado corto.', en: 'The text is too short.' },
  too_many: { 'es-CO': 'Hay demasiados elementos.', en: 'There are too many items.' },
  not_allowed: { 'es-CO': 'Este valor no está permitido.', en: 'This value is not allowed.' },
  format: { 'es-CO': 'El formato no es válido.', en: 'The format is not valid.' },
  integer: { 'es-CO': 'Escriba un número entero.', en: 'Enter a whole number.' },
  too_small: { 'es-CO': 'El valor es demasiado pequeño.', en: 'The value is too small.' },
  too_large: { 'es-CO': 'El valor es demasiado grande.', en: 'The value is too large.' },
  date: { 'es-CO': 'Escriba una fecha válida (AAAA-MM-DD).', en: 'Enter a valid date (YYYY-MM-DD).' },
  boolean: { 'es-CO': 'Elija sí o no.', en: 'Choose yes or no.' },
  nit_check_digit: {
    'es-CO': 'El dígito de verificación no corresponde a este NIT.',
    en: 'The check digit does not match this NIT.',
  },
  nit_taken: { 'es-CO': 'Ya hay un proveedor registrado con este NIT.', en: 'A supplier is already registered with this NIT.' },
  unknown_municipality: { 'es-CO': 'No existe un municipio con ese código DIVIPOLA.', en: 'No municipality has that DIVIPOLA code.' },
  unknown_department: { 'es-CO': 'No existe un departamento con ese código DIVIPOLA.', en: 'No department has that DIVIPOLA code.' },
  unknown_unspsc_class: { 'es-CO': 'No existe una clase UNSPSC con ese código.', en: 'No UNSPSC class has that code.' },
  negative_income: { 'es-CO': 'Los ingresos no pueden ser negativos.', en: 'Income cannot be negative.' },
  money: { 'es-CO': 'Escriba un valor en pesos, sin decimales.', en: 'Enter an amount in whole pesos.' },
  no_uvt_for_year: {
    'es-CO': 'No hay valor de UVT cargado para ese año; elija otro año o pida al administrador cargarlo.',
    en: 'No UVT value is loaded for that year; choose another year or ask the administrator to load it.',
  },
  future_date: { 'es-CO': 'La fecha no puede ser futura.', en: 'The date cannot be in the future.' },
  coverage_required: { 'es-CO': 'Elija al menos un lugar de cobertura.', en: 'Choose at least one place of coverage.' },
  file_type: { 'es-CO': 'Solo se aceptan archivos PDF, PNG o JPEG.', en: 'Only PDF, PNG or JPEG files are accepted.' },
  file_too_large: { 'es-CO': 'El archivo es demasiado grande.', en: 'The file is too large.' },
  file_required: { 'es-CO': 'Adjunte un archivo.', en: 'Attach a file.' },
  period_format: { 'es-CO': 'El periodo no tiene el formato esperado.', en: 'The period does not have the expected format.' },
  business_days: { 'es-CO': 'Escriba un número de días hábiles entre 0 y 365.', en: 'Enter a number of business days from 0 to 365.' },
  positive_integer: { 'es-CO': 'Escriba un número entero mayor que cero.', en: 'Enter a whole number above zero.' },
  thresholds_order: { 'es-CO': 'Debe cumplirse micro < pequeña < mediana.', en: 'Micro < pequeña < mediana is required.' },
  bands_order: {
    'es-CO': 'Las franjas deben empezar en 0 SMMLV y crecer en presupuesto y en menor cuantía.',
    en: 'Bands must start at 0 SMMLV and rise in budget and in menor cuantía.',
  },
  points_format: { 'es-CO': 'Escriba puntos positivos con máximo dos decimales.', en: 'Enter positive points with at most two decimals.' },
  total_mismatch: { 'es-CO': 'Los puntajes no suman el total.', en: 'The points do not add up to the total.' },
  national_industry_band: {
    'es-CO': 'La industria nacional debe recibir entre el 10 % y el 20 % del puntaje total (Ley 816 de 2003).',
    en: 'National industry must get 10% to 20% of the total points (Ley 816 de 2003).',
  },
  foreign_component_band: {
    'es-CO': 'Lo extranjero con componente nacional debe recibir entre el 5 % y el 15 % del puntaje total.',
    en: 'Foreign goods with Colombian components must get 5% to 15% of the total points.',
  },
  not_business_day: { 'es-CO': 'Debe ser un día hábil en Colombia.', en: 'It must be a business day in Colombia.' },
  out_of_order: { 'es-CO': 'Debe ser posterior a la etapa anterior.', en: 'It must come after the previous step.' },
  too_soon: {
    'es-CO': 'No deja los días hábiles mínimos de la modalidad.',
    en: 'It does not leave the modality’s minimum business days.',
  },
  missing: { 'es-CO': 'Escriba esta fecha.', en: 'Enter this date.' },
  lots_required: { 'es-CO': 'Agregue al menos un lote.', en: 'Add at least one lot.' },
  lots_total_mismatch: { 'es-CO': 'El valor estimado no es la suma de los lotes.', en: 'The estimated value is not the sum of the lots.' },
  unknown_lot: { 'es-CO': 'Este proceso no tiene ese lote.', en: 'This tender has no such lot.' },
  unknown_document: { 'es-CO': 'Elija documentos de su propio perfil.', en: 'Choose documents of your own profile.' },
  outside_execution: {
    'es-CO': 'Solo puede limitarse al lugar de ejecución del contrato.',
    en: 'The limitation can only name the place where the contract is carried out.',
  },
  before_opening: {
    'es-CO': 'Aún no se puede abrir: la apertura es en su fecha y después del plazo de solicitudes de mipymes.',
    en: 'It cannot open yet: the opening is on its date and after the mipyme request deadline.',
  },
  deadline_kept: {
    'es-CO': 'El plazo de solicitudes de mipymes solo puede moverse a una fecha posterior, y no después de vencido.',
    en: 'The mipyme request deadline can only move later, and not once it has passed.',
  },
  above_estimate: {
    'es-CO': 'El precio supera el valor estimado del lote.',
    en: 'The price is above the lot’s estimated value.',
  },
  lot_reserved_mipymes: { 'es-CO': 'Este lote está reservado a mipymes.', en: 'This lot is reserved for mipymes.' },
  lot_reserved_economia_popular: {
    'es-CO': 'Este lote está reservado a la economía popular.',
    en: 'This lot is reserved for the economía popular.',
  },
  lot_territory: {
    'es-CO': 'Este lote solo recibe ofertas de proveedores domiciliados en sus lugares.',
    en: 'This lot only takes offers from suppliers domiciled in its places.',
  },
  invalid: { 'es-CO': 'Este valor no es válido.', en: 'This value is not valid.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldErrorCode = keyof typeof FIELD_ERROR_MESSAGES;

export function isFieldErrorCode(code: string | undefined): code is FieldErrorCode {
  return code !== undefined && Object.prototype.hasOwnProperty.call(FIELD_ERROR_MESSAGES, code);
}
