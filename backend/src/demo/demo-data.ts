import type { BuyerProfileInput, SupplierCapabilities, SupplierIdentity, SupplierLegalStanding } from '@eslabon/contracts';
import { nitCheckDigit } from '@eslabon/domain';

/**
 * Demo organizations for `npm start`: ~50 suppliers across departments, sizes and types, and 8 buyers.
 * Names are invented in the style of Colombian firms; NITs are made up but carry a valid DIAN check
 * digit. Everything is derived from fixed tables, so every run produces the same data and ids.
 */

interface Activity {
  trade: string;
  sector: SupplierLegalStanding['sector'];
  classes: string[];
  description: string;
  /** A product registered in the RPBN, for manufacturers. */
  product?: { name: string; unspscClass: string };
}

const ACTIVITIES: Activity[] = [
  {
    trade: 'Confecciones',
    sector: 'manufactura',
    classes: ['531021', '531027', '461815'],
    description: 'Confección de uniformes, dotación y ropa de trabajo.',
    product: { name: 'Overol de dotación en dril', unspscClass: '531021' },
  },
  {
    trade: 'Metalmecánica',
    sector: 'manufactura',
    classes: ['311615', '271115', '111715'],
    description: 'Piezas metálicas, tornillería y estructuras para la industria.',
    product: { name: 'Tornillo hexagonal grado 5', unspscClass: '311615' },
  },
  {
    trade: 'Muebles',
    sector: 'manufactura',
    classes: ['561017', '561121'],
    description: 'Fabricación de muebles de oficina y escolares en madera y metal.',
    product: { name: 'Pupitre escolar unipersonal', unspscClass: '561121' },
  },
  {
    trade: 'Lácteos',
    sector: 'manufactura',
    classes: ['501317'],
    description: 'Leche, quesos y derivados lácteos de productores campesinos.',
    product: { name: 'Queso campesino', unspscClass: '501317' },
  },
  {
    trade: 'Café',
    sector: 'manufactura',
    classes: ['502017'],
    description: 'Café tostado y molido de origen colombiano.',
    product: { name: 'Café tostado en grano', unspscClass: '502017' },
  },
  {
    trade: 'Alimentos y Eventos',
    sector: 'servicios',
    classes: ['901016'],
    description: 'Refrigerios, almuerzos y servicio de catering para eventos.',
  },
  {
    trade: 'Aseo Integral',
    sector: 'servicios',
    classes: ['761115', '471316'],
    description: 'Aseo y cafetería para oficinas, con insumos.',
  },
  {
    trade: 'Tecnologías',
    sector: 'servicios',
    classes: ['811115', '811120', '432115'],
    description: 'Desarrollo de software, soporte y venta de computadores.',
  },
  {
    trade: 'Construcciones',
    sector: 'servicios',
    classes: ['721211', '721029'],
    description: 'Obra civil, adecuaciones y mantenimiento de edificaciones.',
  },
  {
    trade: 'Electricidad',
    sector: 'servicios',
    classes: ['721515', '831018'],
    description: 'Instalaciones y mantenimiento de redes eléctricas.',
  },
  { trade: 'Vigilancia', sector: 'servicios', classes: ['921215'], description: 'Vigilancia privada y medios tecnológicos de seguridad.' },
  {
    trade: 'Consultores',
    sector: 'servicios',
    classes: ['801015'],
    description: 'Consultoría en gestión, estudios de sector y formulación de proyectos.',
  },
  { trade: 'Papelería', sector: 'comercio', classes: ['141115'], description: 'Distribución de papelería y útiles de oficina.' },
  {
    trade: 'Artesanías',
    sector: 'manufactura',
    classes: ['601221'],
    description: 'Artesanías y velas elaboradas a mano por familias artesanas.',
  },
];

/** Activities of food producers, some of them ACFC. */
const FOOD_TRADES = ['Lácteos', 'Café'];

/** Place-like words that end many Colombian firm names. */
export const DEMO_PLACE_NAMES = [
  'Andina',
  'del Valle',
  'La Esperanza',
  'San José',
  'El Progreso',
  'Caribe',
  'Los Andes',
  'Montebello',
  'Sabana',
  'Guadalupe',
  'La Ceiba',
  'Santa Rosa',
  'El Roble',
  'Macondo',
];

/** Capitals and a few other municipalities, so the directory spreads over most departments. */
const MUNICIPALITIES = [
  '11001',
  '05001',
  '76001',
  '08001',
  '13001',
  '68001',
  '15001',
  '52001',
  '17001',
  '66001',
  '63001',
  '73001',
  '41001',
  '50001',
  '54001',
  '47001',
  '20001',
  '23001',
  '19001',
  '27001',
  '44001',
  '18001',
  '85001',
  '68081',
  '15238',
  '05615',
  '76109',
  '25754',
];

const TYPES: SupplierLegalStanding['supplierType'][] = [
  'company',
  'company',
  'company',
  'cooperative',
  'economia_popular',
  'natural_person',
];

/** Income as a share of the sector's micro, pequeña and mediana limits (×1000), to land in every size class. */
const INCOME_PER_MILLE = [120, 450, 900, 1500, 4000, 9000, 25000, 80000];

/** First names and surnames common in Colombia, for demo people. */
export const DEMO_WOMEN_NAMES = ['Luz Marina', 'Ana Milena', 'Paola Andrea', 'Yolanda', 'Diana Carolina', 'Rosa Elena', 'Sandra Patricia'];
export const DEMO_MEN_NAMES = ['Jorge Eliécer', 'Carlos Andrés', 'Luis Fernando', 'Wilson', 'Héctor Fabio', 'Juan Camilo', 'Édgar'];
export const DEMO_SURNAMES = [
  'Rodríguez',
  'Gómez',
  'Martínez',
  'Ramírez',
  'Rojas',
  'Vargas',
  'Ospina',
  'Castaño',
  'Mosquera',
  'Quintero',
  'Zapata',
  'Cárdenas',
];

export const DEMO_SUPPLIER_COUNT = 50;
export const DEMO_PASSWORD = 'eslabon-demo-2026';

export interface DemoSupplier {
  organizationId: string;
  userEmail: string;
  userName: string;
  organizationName: string;
  identity: SupplierIdentity;
  legal: SupplierLegalStanding;
  capabilities: SupplierCapabilities;
}

export interface DemoBuyer {
  organizationId: string;
  kind: 'state_entity' | 'state_company';
  organizationName: string;
  userEmail: string;
  profile: BuyerProfileInput;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const demoId = (group: number, n: number) => `00000000-0000-4000-8${pad(group, 3)}-${pad(n, 12)}`;
const withDv = (base: number) => ({ nit: String(base), checkDigit: String(nitCheckDigit(String(base))) });

/** Decreto 957 limits in UVT (RULES.md §1), only to spread demo incomes over the classes. */
const LIMITS = { manufactura: [23_563, 204_995, 1_736_565], servicios: [32_988, 131_951, 483_034], comercio: [44_769, 431_196, 2_160_692] };

export function demoSuppliers(): DemoSupplier[] {
  return Array.from({ length: DEMO_SUPPLIER_COUNT }, (_, i) => {
    const activity = ACTIVITIES[i % ACTIVITIES.length];
    const type = TYPES[i % TYPES.length];
    const place = DEMO_PLACE_NAMES[(i * 5) % DEMO_PLACE_NAMES.length];
    const womanLed = i % 3 === 0;
    const firstNames = womanLed ? DEMO_WOMEN_NAMES : DEMO_MEN_NAMES;
    const person = `${firstNames[i % firstNames.length]} ${DEMO_SURNAMES[i % DEMO_SURNAMES.length]} ${DEMO_SURNAMES[(i * 7 + 3) % DEMO_SURNAMES.length]}`;
    const legalName =
      type === 'cooperative'
        ? `Cooperativa Multiactiva de ${activity.trade} ${place}`
        : type === 'economia_popular'
          ? `Asociación de ${activity.trade} ${place}`
          : type === 'natural_person'
            ? person
            : `${activity.trade} ${place} S.A.S.`;
    // Natural persons use their cédula as NIT; firms a 9-digit NIT starting with 9.
    const { nit, checkDigit } = withDv(type === 'natural_person' ? 52_100_000 + i * 1_013 : 900_100_000 + i * 7_919);
    const municipality = MUNICIPALITIES[i % MUNICIPALITIES.length];
    // Mostly micro and small, as the national supplier base is; a few medium and large.
    const perMille = INCOME_PER_MILLE[i % 5 === 4 ? 5 + (i % 3) : i % 5];
    const incomeCop = String(Math.round((LIMITS[activity.sector][0] * 49_799 * perMille) / 1000 / 1_000_000) * 1_000_000);
    return {
      organizationId: demoId(100, i + 1),
      userEmail: `proveedor${pad(i + 1, 2)}@demo.eslabon.local`,
      userName: person,
      organizationName: legalName,
      identity: {
        personType: type === 'natural_person' ? 'natural' : 'legal',
        legalName,
        tradeName: type === 'natural_person' ? `${activity.trade} ${place}` : null,
        nit,
        checkDigit,
        legalRepresentative: person,
        contactEmail: `contacto${pad(i + 1, 2)}@demo.eslabon.local`,
        contactPhone: `+57 3${pad(10 + (i % 40), 2)} ${pad(100 + i * 37, 3)} ${pad(1000 + i * 113, 4)}`,
        domicileMunicipality: municipality,
        coverageScope: i % 4 === 0 ? 'national' : 'departments',
        coverageCodes:
          i % 4 === 0 ? [] : [...new Set([municipality.slice(0, 2), MUNICIPALITIES[(i + 1) % MUNICIPALITIES.length].slice(0, 2)])],
      },
      legal: {
        supplierType: type,
        sector: activity.sector,
        incomeCop,
        incomeYear: 2025,
        constitutedOn: `${2008 + (i % 16)}-${pad(1 + (i % 12), 2)}-15`,
        womenLed: womanLed
          ? type === 'natural_person'
            ? { soleProprietorSince: '2019-05-01' }
            : { ownership: { women: 3, total: 5, since: '2018-01-10' } }
          : {},
        tieBreak: i % 7 === 0 ? { disabilityPayrollPercent: 12, bic: i % 14 === 0 } : {},
        // Small campesino producers of food (Ley 2046 de 2020): cooperatives, associations and farmers, micro or small.
        acfc: FOOD_TRADES.includes(activity.trade) && type !== 'company' && perMille <= 4000,
        rupNumber: i % 2 === 0 ? `RUP-${pad(i + 1, 5)}` : null,
        rupExpiresOn: i % 2 === 0 ? '2027-04-30' : null,
      },
      capabilities: {
        unspscClasses: activity.classes,
        description: activity.description,
        certifications: i % 5 === 0 ? 'ISO 9001:2015' : '',
        productionCapacity: '',
        nationalProducts: activity.product
          ? [
              {
                ...activity.product,
                rpbnNumber: `RPBN-${pad(2026 * 100 + i, 7)}`,
                rpbnExpiresOn: i % 6 === 5 ? '2025-12-31' : '2027-06-30',
              },
            ]
          : [],
      },
    };
  });
}

interface BuyerSeed {
  kind: DemoBuyer['kind'];
  organizationName: string;
  /** NIT without its check digit, which is computed. */
  base: number;
  profile: Omit<BuyerProfileInput, 'nit' | 'checkDigit'>;
}

const BUYERS: BuyerSeed[] = [
  {
    kind: 'state_entity',
    organizationName: 'Agencia Nacional de Compras Sostenibles',
    base: 830_500_101,
    profile: {
      entityKind: 'national_public',
      regime: 'egcap',
      regimeReference: null,
      municipality: '11001',
      annualBudgetSmmlv: 950_000,
      productiveBets: ['territories'],
    },
  },
  {
    kind: 'state_entity',
    organizationName: 'Instituto Nacional de Salud Rural',
    base: 830_500_202,
    profile: {
      entityKind: 'national_public',
      regime: 'egcap',
      regimeReference: null,
      municipality: '11001',
      annualBudgetSmmlv: 420_000,
      productiveBets: ['health'],
    },
  },
  {
    kind: 'state_entity',
    organizationName: 'Servicio Nacional de Formación Técnica',
    base: 830_500_303,
    profile: {
      entityKind: 'national_public',
      regime: 'egcap',
      regimeReference: null,
      municipality: '11001',
      annualBudgetSmmlv: 1_300_000,
      productiveBets: ['energy_transition', 'territories'],
    },
  },
  {
    kind: 'state_entity',
    organizationName: 'Gobernación de Boyacá',
    base: 891_800_404,
    profile: {
      entityKind: 'territorial_public',
      regime: 'egcap',
      regimeReference: null,
      municipality: '15001',
      annualBudgetSmmlv: 300_000,
      productiveBets: ['agroindustry', 'territories'],
    },
  },
  {
    kind: 'state_entity',
    organizationName: 'Alcaldía de San Juan de Pasto',
    base: 891_200_505,
    profile: {
      entityKind: 'territorial_public',
      regime: 'egcap',
      regimeReference: null,
      municipality: '52001',
      annualBudgetSmmlv: 110_000,
      productiveBets: ['agroindustry'],
    },
  },
  {
    kind: 'state_entity',
    organizationName: 'Hospital Departamental San Rafael E.S.E.',
    base: 891_900_606,
    profile: {
      entityKind: 'territorial_public',
      regime: 'special',
      regimeReference: 'Estatuto de contratación E.S.E., Acuerdo 005 de 2023',
      municipality: '76001',
      annualBudgetSmmlv: 90_000,
      productiveBets: ['health'],
    },
  },
  {
    kind: 'state_company',
    organizationName: 'Refinería Andina S.A.',
    base: 899_900_707,
    profile: {
      entityKind: 'state_company',
      regime: 'special',
      regimeReference: 'Manual de Contratación, versión 2024',
      municipality: '68081',
      annualBudgetSmmlv: 5_000_000,
      productiveBets: ['energy_transition', 'defense'],
    },
  },
  {
    kind: 'state_company',
    organizationName: 'Energía del Magdalena S.A. E.S.P.',
    base: 899_900_808,
    profile: {
      entityKind: 'state_company',
      regime: 'special',
      regimeReference: 'Manual de Contratación y Compras 2025',
      municipality: '47001',
      annualBudgetSmmlv: 700_000,
      productiveBets: ['energy_transition'],
    },
  },
];

export function demoBuyers(): DemoBuyer[] {
  return BUYERS.map(({ base, ...b }, i) => ({
    ...b,
    organizationId: demoId(200, i + 1),
    userEmail: `comprador${pad(i + 1, 2)}@demo.eslabon.local`,
    profile: { ...b.profile, ...withDv(base) },
  }));
}
