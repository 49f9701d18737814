import { DEMO_MEN_NAMES, DEMO_PLACE_NAMES, DEMO_SURNAMES, DEMO_WOMEN_NAMES } from '../backend/src/demo/demo-data';

/** Value shapes of the synthetic registry, in the style of backend/src/demo/demo-data.ts. */

interface Activity {
  trade: string;
  sector: 'manufactura' | 'servicios' | 'comercio';
  /** Real UNSPSC classes (checked against unspsc-classes-es.csv). */
  classes: string[];
  description: string;
  /** How common the activity is among registered suppliers (relative weight). */
  weight: number;
  /** A product registered in the RPBN, for manufacturers. */
  product?: { name: string; unspscClass: string };
}

/** The demo activities plus a few more, weighted roughly like the SECOP supplier base. */
export const ACTIVITIES: Activity[] = [
  {
    trade: 'Construcciones',
    sector: 'servicios',
    classes: ['721211', '721029', '721410'],
    weight: 14,
    description: 'Obra civil, adecuaciones y mantenimiento de edificaciones.',
  },
  {
    trade: 'Consultores',
    sector: 'servicios',
    classes: ['801015', '801016'],
    weight: 14,
    description: 'Consultoría en gestión, estudios de sector y formulación de proyectos.',
  },
  {
    trade: 'Tecnologías',
    sector: 'servicios',
    classes: ['811115', '811120', '432115'],
    weight: 9,
    description: 'Desarrollo de software, soporte y venta de computadores.',
  },
  {
    trade: 'Suministros de Cómputo',
    sector: 'comercio',
    classes: ['432115', '441031', '432233'],
    weight: 4,
    description: 'Venta de computadores, impresoras, tóner y equipos de red.',
  },
  {
    trade: 'Confecciones',
    sector: 'manufactura',
    classes: ['531027', '531021', '461815'],
    weight: 6,
    description: 'Confección de uniformes, dotación y ropa de trabajo.',
    product: { name: 'Overol de dotación en dril', unspscClass: '531021' },
  },
  {
    trade: 'Metalmecánica',
    sector: 'manufactura',
    classes: ['311615', '271115'],
    weight: 3,
    description: 'Piezas metálicas, tornillería y estructuras para la industria.',
    product: { name: 'Tornillo hexagonal grado 5', unspscClass: '311615' },
  },
  {
    trade: 'Muebles',
    sector: 'manufactura',
    classes: ['561017', '561121'],
    weight: 3,
    description: 'Fabricación de muebles de oficina y escolares en madera y metal.',
    product: { name: 'Pupitre escolar unipersonal', unspscClass: '561121' },
  },
  {
    trade: 'Lácteos',
    sector: 'manufactura',
    classes: ['501317'],
    weight: 2,
    description: 'Leche, quesos y derivados lácteos de productores campesinos.',
    product: { name: 'Queso campesino', unspscClass: '501317' },
  },
  {
    trade: 'Café',
    sector: 'manufactura',
    classes: ['502017'],
    weight: 2,
    description: 'Café tostado y molido de origen colombiano.',
    product: { name: 'Café tostado en grano', unspscClass: '502017' },
  },
  {
    trade: 'Cárnicos',
    sector: 'manufactura',
    classes: ['501115', '501120'],
    weight: 2,
    description: 'Carnes frías y embutidos de producción regional.',
    product: { name: 'Salchichón cervecero', unspscClass: '501120' },
  },
  {
    trade: 'Artesanías',
    sector: 'manufactura',
    classes: ['601221'],
    weight: 1,
    description: 'Artesanías y velas elaboradas a mano por familias artesanas.',
    product: { name: 'Vela de cera de abejas', unspscClass: '601221' },
  },
  {
    trade: 'Alimentos y Eventos',
    sector: 'servicios',
    classes: ['901016', '901015'],
    weight: 6,
    description: 'Refrigerios, almuerzos y servicio de catering para eventos.',
  },
  {
    trade: 'Aseo Integral',
    sector: 'servicios',
    classes: ['761115', '471316', '471317'],
    weight: 5,
    description: 'Aseo y cafetería para oficinas, con insumos.',
  },
  {
    trade: 'Electricidad',
    sector: 'servicios',
    classes: ['721515', '831018'],
    weight: 4,
    description: 'Instalaciones y mantenimiento de redes eléctricas.',
  },
  {
    trade: 'Vigilancia',
    sector: 'servicios',
    classes: ['921215', '461716'],
    weight: 3,
    description: 'Vigilancia privada y medios tecnológicos de seguridad.',
  },
  {
    trade: 'Papelería',
    sector: 'comercio',
    classes: ['141115', '441216', '441217'],
    weight: 5,
    description: 'Distribución de papelería y útiles de oficina.',
  },
  {
    trade: 'Transportes',
    sector: 'servicios',
    classes: ['781018', '251015'],
    weight: 5,
    description: 'Transporte de carga y pasajeros por carretera.',
  },
  {
    trade: 'Publicidad',
    sector: 'servicios',
    classes: ['821015', '801415'],
    weight: 3,
    description: 'Publicidad impresa, material POP e investigación de mercados.',
  },
  {
    trade: 'Capacitación',
    sector: 'servicios',
    classes: ['861017', '801115'],
    weight: 3,
    description: 'Formación para el trabajo y desarrollo del talento humano.',
  },
  {
    trade: 'Agroinsumos',
    sector: 'comercio',
    classes: ['101515', '101516'],
    weight: 3,
    description: 'Semillas certificadas y plántulas para productores rurales.',
  },
  { trade: 'Viajes', sector: 'servicios', classes: ['901215'], weight: 2, description: 'Tiquetes, alojamiento y logística de viajes.' },
  { trade: 'Talento', sector: 'servicios', classes: ['801116'], weight: 2, description: 'Suministro de personal temporal en misión.' },
];

export const PLACES = [...DEMO_PLACE_NAMES, 'del Pacífico', 'Orinoquía', 'del Sur', 'Nororiente', 'La Montaña', 'Altiplano'];
export const FIRST_WOMEN = [...DEMO_WOMEN_NAMES, 'Maritza', 'Leidy Johana', 'Gloria Inés'];
export const FIRST_MEN = [...DEMO_MEN_NAMES, 'John Jairo', 'Óscar Iván', 'Álvaro'];
export const SURNAMES = [...DEMO_SURNAMES, 'Muñoz', 'Peña', 'Londoño', 'Arango', 'Benítez', 'Caicedo'];
export const EXTRA_PHRASES = [
  '',
  'Atendemos entidades públicas y privadas.',
  'Experiencia en contratación estatal.',
  'Entregas en todo el departamento.',
  'Empresa familiar con más de diez años.',
  'Precios de fábrica y garantía.',
  'Personal certificado.',
  'Respuesta en 24 horas.',
];

/** Where suppliers are domiciled: half in the large cities (weight ≈ share of firms), the rest anywhere. */
export const CITY_WEIGHTS: Record<string, number> = {
  '11001': 30, '05001': 12, '76001': 9, '08001': 7, '13001': 4, '68001': 4, '54001': 3, '66001': 3, '73001': 2, '17001': 2,
  '50001': 2, '52001': 2, '47001': 2, '23001': 2, '41001': 2, '15001': 2, '63001': 2, '19001': 2, '20001': 2,
}; // prettier-ignore
