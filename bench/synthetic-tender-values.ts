import type { ProductiveBet, TenderModality, TenderStatus } from '@eslabon/contracts';

/**
 * Value shapes of the synthetic tenders (synthetic-tenders.ts), in the style of backend/src/demo/demo-tenders.ts:
 * who buys, how, what for and how much. Weights are relative; they follow the rough shape of SECOP II
 * (mostly mínima cuantía and small calls, most of the history awarded), not exact statistics.
 */

export interface Weighted<T extends string = string> {
  value: T;
  weight: number;
}

/** National entities, all in Bogotá (11001); their calls are executed all over the country. */
export const NATIONAL_BUYERS = [
  'Ministerio de Educación Nacional',
  'Ministerio de Salud y Protección Social',
  'Ministerio de Agricultura y Desarrollo Rural',
  'Ministerio de Minas y Energía',
  'Ministerio de Tecnologías de la Información y las Comunicaciones',
  'Ministerio de Defensa Nacional',
  'Ministerio de Vivienda, Ciudad y Territorio',
  'Instituto Nacional de Vías – INVÍAS',
  'Agencia Nacional de Infraestructura',
  'Servicio Nacional de Aprendizaje – SENA',
  'Instituto Colombiano de Bienestar Familiar',
  'Policía Nacional de Colombia',
  'Ejército Nacional de Colombia',
  'Armada de la República de Colombia',
  'Fuerza Aérea Colombiana',
  'Unidad Nacional para la Gestión del Riesgo de Desastres',
  'Instituto Colombiano Agropecuario – ICA',
  'Parques Nacionales Naturales de Colombia',
  'Instituto Nacional Penitenciario y Carcelario – INPEC',
  'Unidad de Servicios Penitenciarios y Carcelarios – USPEC',
  'Registraduría Nacional del Estado Civil',
  'Fiscalía General de la Nación',
  'Dirección de Impuestos y Aduanas Nacionales – DIAN',
  'Departamento Nacional de Planeación',
  'Unidad Administrativa Especial de Aeronáutica Civil',
  'Instituto Geográfico Agustín Codazzi',
  'Agencia de Desarrollo Rural',
  'Agencia Nacional de Tierras',
  'Unidad para la Atención y Reparación Integral a las Víctimas',
  'Prosperidad Social',
  'Instituto Nacional de Salud',
  'Instituto Colombiano del Deporte – Coldeportes',
  'Superintendencia de Industria y Comercio',
  'Superintendencia de Servicios Públicos Domiciliarios',
  'Contraloría General de la República',
  'Procuraduría General de la Nación',
  'Defensoría del Pueblo',
  'Rama Judicial – Dirección Ejecutiva de Administración Judicial',
  'Agencia Nacional de Contratación Pública – Colombia Compra Eficiente',
  'Instituto Nacional para Ciegos',
];

/** Entities of Bogotá D.C., which has no gobernación; they buy like a large department. */
export const BOGOTA_BUYERS = [
  'Alcaldía Mayor de Bogotá D.C.',
  'Secretaría de Educación del Distrito',
  'Secretaría Distrital de Salud',
  'Instituto de Desarrollo Urbano – IDU',
  'Secretaría Distrital de Integración Social',
  'Unidad Administrativa Especial de Servicios Públicos',
];

/** Public universities with the municipality of their main campus. */
export const UNIVERSITIES: [string, string][] = [
  ['Universidad de Antioquia', '05001'],
  ['Universidad del Valle', '76001'],
  ['Universidad de Cartagena', '13001'],
  ['Universidad Industrial de Santander', '68001'],
  ['Universidad Pedagógica y Tecnológica de Colombia', '15001'],
  ['Universidad de Nariño', '52001'],
  ['Universidad del Cauca', '19001'],
  ['Universidad del Magdalena', '47001'],
  ['Universidad de Córdoba', '23001'],
  ['Universidad del Tolima', '73001'],
  ['Universidad de Caldas', '17001'],
  ['Universidad del Quindío', '63001'],
  ['Universidad Tecnológica de Pereira', '66001'],
  ['Universidad Francisco de Paula Santander', '54001'],
  ['Universidad de los Llanos', '50001'],
];

/** State companies (régimen especial), with their municipality. */
export const STATE_COMPANIES: [string, string][] = [
  ['Empresas Públicas de Medellín E.S.P.', '05001'],
  ['Empresas Municipales de Cali E.I.C.E. E.S.P.', '76001'],
  ['Empresa de Acueducto y Alcantarillado de Bogotá E.S.P.', '11001'],
  ['Empresa de Energía de Boyacá S.A. E.S.P.', '15001'],
  ['Refinería del Caribe S.A.', '13001'],
  ['Interconexión Eléctrica Regional S.A. E.S.P.', '05001'],
  ['Empresa de Energía del Pacífico S.A. E.S.P.', '76001'],
  ['Aguas de Barrancabermeja S.A. E.S.P.', '68081'],
  ['Electrificadora del Meta S.A. E.S.P.', '50001'],
  ['Centrales Eléctricas de Nariño S.A. E.S.P.', '52001'],
  ['Empresa de Servicios Públicos de Cúcuta E.S.P.', '54001'],
  ['Aguas de Manizales S.A. E.S.P.', '17001'],
  ['Empresa de Telecomunicaciones de Pereira S.A.', '66001'],
  ['Industria Licorera de Caldas', '17001'],
  ['Lotería de Bogotá', '11001'],
  ['Empresa Colombiana de Hidrocarburos del Llano S.A.', '85001'],
  ['Satena – Servicio Aéreo a Territorios Nacionales', '11001'],
  ['Corporación de Ciencia y Tecnología para la Industria Naval', '13001'],
  ['Indumil – Industria Militar', '11001'],
  ['Empresa Metro de Bogotá S.A.', '11001'],
];

export const HOSPITAL_SAINTS = [
  'San Rafael',
  'San Vicente de Paúl',
  'San Juan de Dios',
  'Santa Matilde',
  'San José',
  'Nuestra Señora del Carmen',
];

/** How many calls each kind of buyer publishes, relative to the others. */
export const BUYER_WEIGHTS = {
  national: 10,
  bogota: 8,
  gobernacion: 6,
  /** Alcaldías of the large cities of CITY_WEIGHTS (synthetic-values.ts); the others weigh 2. */
  cityAlcaldia: 6,
  alcaldia: 2,
  hospital: 2,
  university: 2,
  stateCompany: 4,
};
/** Alcaldías and hospitals of municipalities other than the large cities. */
export const SMALL_ALCALDIAS = 150;
export const HOSPITALS = 50;

/** Modalities by share of published calls, with the range of their estimated values in COP (log-uniform). */
export const MODALITY_SHARES: (Weighted<TenderModality> & { minCop: number; maxCop: number })[] = [
  { value: 'minima_cuantia', weight: 38, minCop: 2e6, maxCop: 120e6 },
  { value: 'seleccion_abreviada_menor_cuantia', weight: 18, minCop: 120e6, maxCop: 1.3e9 },
  { value: 'contratacion_directa', weight: 12, minCop: 10e6, maxCop: 800e6 },
  { value: 'seleccion_abreviada_subasta_inversa', weight: 10, minCop: 50e6, maxCop: 3e9 },
  { value: 'licitacion_publica', weight: 9, minCop: 800e6, maxCop: 80e9 },
  { value: 'concurso_de_meritos', weight: 8, minCop: 100e6, maxCop: 5e9 },
  { value: 'regimen_especial', weight: 5, minCop: 50e6, maxCop: 30e9 },
];

/**
 * Status by share of all calls: most of the history is decided; ~12 % are live (proyecto de pliego or open,
 * closing in the future); 3 % are drafts, which the search never indexes.
 */
export const STATUS_SHARES: Weighted<TenderStatus>[] = [
  { value: 'draft', weight: 3 },
  { value: 'published_draft', weight: 4 },
  { value: 'open', weight: 8 },
  { value: 'closed', weight: 2 },
  { value: 'under_evaluation', weight: 5 },
  { value: 'awarded', weight: 65 },
  { value: 'void', weight: 7 },
  { value: 'cancelled', weight: 6 },
];

export const BET_SHARES: Weighted<ProductiveBet | ''>[] = [
  { value: '', weight: 45 },
  { value: 'territories', weight: 20 },
  { value: 'health', weight: 12 },
  { value: 'agroindustry', weight: 10 },
  { value: 'energy_transition', weight: 8 },
  { value: 'defense', weight: 5 },
];

/**
 * What is bought, besides the activities of the supplier registry (synthetic-values.ts ACTIVITIES): UNSPSC
 * segments by how often public calls use them; within a segment a power law picks the class.
 */
export const SEGMENT_WEIGHTS: Record<string, number> = {
  '80': 14, '72': 12, '81': 8, '43': 6, '85': 5, '42': 5, '50': 4, '76': 4, '78': 4, '86': 4, '90': 3, '92': 3, '44': 3,
  '56': 3, '53': 3, '25': 3, '51': 3, '93': 3, '14': 2, '47': 2, '46': 2, '39': 2, '30': 2, '15': 2, '83': 2, '84': 2,
  '77': 2, '70': 2, '10': 2, '41': 2, '82': 2, '26': 1, '31': 1, '40': 1, '45': 1, '49': 1, '52': 1, '55': 1, '60': 1,
  '94': 1, '95': 1, '91': 1, '24': 1, '27': 1, '32': 1, '11': 1, '12': 1, '20': 1, '21': 1, '22': 1, '23': 1, '48': 1,
}; // prettier-ignore

/** How a title starts for goods (segments below 70) and for services; the object is the class name. */
export const GOODS_VERBS: Weighted[] = [
  { value: 'Adquisición de', weight: 35 },
  { value: 'Suministro de', weight: 30 },
  { value: 'Compra de', weight: 10 },
  { value: 'Mantenimiento preventivo y correctivo de', weight: 10 },
  { value: 'Dotación de', weight: 5 },
  { value: 'Arrendamiento de', weight: 5 },
  { value: 'Adquisición e instalación de', weight: 5 },
];
export const SERVICE_VERBS: Weighted[] = [
  { value: 'Prestación de servicios de', weight: 45 },
  { value: 'Contratación de servicios de', weight: 25 },
  { value: 'Servicio de', weight: 20 },
  { value: 'Interventoría de los servicios de', weight: 10 },
];

/** What a title ends with; `{place}` is the municipality (or department) of execution. */
export const DESTINATIONS = [
  'para las sedes de la entidad en {place}',
  'para las instituciones educativas de {place}',
  'con destino al Programa de Alimentación Escolar',
  'para la vigencia 2026',
  'para el hospital y sus puestos de salud',
  'para la atención de la emergencia invernal en {place}',
  'para las oficinas de atención al ciudadano',
  'para el mejoramiento de vías terciarias en {place}',
  'para los programas sociales de {place}',
  'para la sede administrativa',
  'según ficha técnica',
  '',
];

export const TENDER_PHRASES = [
  'Incluye transporte, instalación y garantía mínima de un año.',
  'Según las especificaciones del anexo técnico.',
  'Entregas parciales de acuerdo con el cronograma del contrato.',
  'Plazo de ejecución de seis meses a partir del acta de inicio.',
  'El contratista debe contar con personal idóneo y certificado.',
  'Se valora el producto nacional y la participación de mipymes.',
  'Incluye capacitación del personal de la entidad.',
  'Con cargo al presupuesto de inversión de la vigencia.',
];

export const GOODS_UNITS = ['unidad', 'caja', 'kit', 'paquete', 'par', 'resma', 'galón', 'kilogramo'];
export const SERVICE_UNITS = ['mes', 'servicio', 'global'];
