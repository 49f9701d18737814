import {
  SHARE_INDICATORS,
  pointChangeBp,
  relativeChangeBp,
  type Modality,
  type ReportIndicators,
  type ShareIndicator,
} from '@eslabon/domain';
import type { ProductiveBet } from './buyers';
import type { Locale } from './locales';

/**
 * What every report figure means, in both languages: shown on hover in the dashboard, as column
 * headers of the exports and in the method notes of the PDF, so all three say the same.
 */
export const REPORT_INDICATORS = [
  'awardedValueCop',
  'awardedCount',
  'processes',
  ...SHARE_INDICATORS,
  'limitedProcesses',
  'limitedValueCop',
  'reservedLots',
  'biddersPerProcess',
  'bidsPerLot',
  'savingsCop',
] as const;
export type ReportIndicatorKey = (typeof REPORT_INDICATORS)[number];

export const isShareIndicator = (key: ReportIndicatorKey): key is ShareIndicator => (SHARE_INDICATORS as readonly string[]).includes(key);

/** A figure as the API derives it: money a decimal string, shares basis points, averages hundredths. */
export function indicatorValue(indicators: ReportIndicators, key: ReportIndicatorKey): string | number | null {
  return isShareIndicator(key) ? indicators.shares[key] : indicators[key];
}

/** A figure against the previous period: shares in percentage points, everything else relative. */
export interface FigureChange {
  kind: 'points' | 'relative';
  /** Basis points: hundredths of a point, or of a per cent of the previous figure; null without one. */
  bp: number | null;
}

export function indicatorChange(key: ReportIndicatorKey, current: ReportIndicators, previous: ReportIndicators): FigureChange {
  const now = indicatorValue(current, key);
  const before = indicatorValue(previous, key);
  if (isShareIndicator(key)) return { kind: 'points', bp: pointChangeBp(now as number | null, before as number | null) };
  return { kind: 'relative', bp: now === null || before === null ? null : relativeChangeBp(String(now), String(before)) };
}

export interface IndicatorDefinition {
  label: string;
  definition: string;
}

export const REPORT_INDICATOR_DEFINITIONS: Record<Locale, Record<ReportIndicatorKey, IndicatorDefinition>> = {
  'es-CO': {
    awardedValueCop: {
      label: 'Valor adjudicado',
      definition: 'Suma del valor de los lotes adjudicados en procesos decididos en el periodo (COP).',
    },
    awardedCount: { label: 'Lotes adjudicados', definition: 'Número de lotes adjudicados en procesos decididos en el periodo.' },
    nationalShare: {
      label: 'Industria nacional',
      definition:
        'Parte del valor adjudicado a ofertas de bienes o servicios nacionales o con trato nacional (Ley 816 de 2003), según el estado verificado en la adjudicación.',
    },
    mipymeShare: {
      label: 'Mipymes',
      definition:
        'Parte del valor adjudicado a micro, pequeñas y medianas empresas, según el tamaño registrado con la oferta (Decreto 957 de 2019).',
    },
    microShare: { label: 'Microempresas', definition: 'Parte del valor adjudicado a microempresas.' },
    pequenaShare: { label: 'Pequeñas empresas', definition: 'Parte del valor adjudicado a pequeñas empresas.' },
    medianaShare: { label: 'Medianas empresas', definition: 'Parte del valor adjudicado a medianas empresas.' },
    economiaPopularShare: {
      label: 'Economía popular',
      definition: 'Parte del valor adjudicado a unidades de la economía popular (Ley 2294 de 2023), según su tipo de proveedor.',
    },
    womenLedShare: {
      label: 'Empresas de mujeres',
      definition: 'Parte del valor adjudicado a emprendimientos y empresas de mujeres (Decreto 1082 art. 2.2.1.2.4.2.14), según la oferta.',
    },
    cooperativeShare: {
      label: 'Cooperativas',
      definition: 'Parte del valor adjudicado a cooperativas y entidades de la economía solidaria.',
    },
    localShare: {
      label: 'Proveedores locales',
      definition: 'Parte del valor adjudicado a proveedores domiciliados en el mismo departamento de ejecución del proceso.',
    },
    limitedProcesses: {
      label: 'Procesos limitados a mipymes',
      definition: 'Procesos decididos cuya convocatoria se limitó a mipymes (Ley 2069 de 2020 arts. 30–34; Decreto 1860 de 2021).',
    },
    limitedValueCop: { label: 'Valor de procesos limitados', definition: 'Valor adjudicado en procesos limitados a mipymes (COP).' },
    reservedLots: { label: 'Lotes reservados', definition: 'Lotes decididos reservados a mipymes o a la economía popular.' },
    processes: { label: 'Procesos decididos', definition: 'Procesos adjudicados o declarados desiertos en el periodo.' },
    biddersPerProcess: {
      label: 'Oferentes por proceso',
      definition: 'Promedio de proveedores distintos con oferta presentada por proceso decidido.',
    },
    bidsPerLot: { label: 'Ofertas por lote', definition: 'Promedio de ofertas presentadas por lote decidido.' },
    singleBidderShare: { label: 'Oferente único', definition: 'Parte de los procesos decididos que recibieron un solo oferente.' },
    voidShare: { label: 'Desiertos', definition: 'Parte de los procesos decididos sin ningún lote adjudicado (declarados desiertos).' },
    savingsCop: { label: 'Ahorro', definition: 'Presupuesto estimado de los lotes adjudicados menos su valor adjudicado (COP).' },
    savingsShare: { label: 'Ahorro (%)', definition: 'Ahorro como parte del presupuesto estimado de los lotes adjudicados.' },
    foodAcfcShare: {
      label: 'Alimentos de la ACFC',
      definition:
        'Parte del valor de compras de alimentos (segmento UNSPSC 50) adjudicada a pequeños productores de la agricultura campesina, familiar y comunitaria; la Ley 2046 de 2020 exige al menos 30 %.',
    },
  },
  en: {
    awardedValueCop: { label: 'Awarded value', definition: 'Sum of the value of lots awarded in processes decided in the period (COP).' },
    awardedCount: { label: 'Lots awarded', definition: 'Number of lots awarded in processes decided in the period.' },
    nationalShare: {
      label: 'National industry',
      definition:
        'Share of awarded value going to national goods or services, or offers with national treatment (Ley 816 de 2003), as verified at award.',
    },
    mipymeShare: {
      label: 'Mipymes',
      definition: 'Share of awarded value going to micro, small and medium firms, by the size recorded with the bid (Decreto 957 de 2019).',
    },
    microShare: { label: 'Micro firms', definition: 'Share of awarded value going to micro firms.' },
    pequenaShare: { label: 'Small firms', definition: 'Share of awarded value going to small firms.' },
    medianaShare: { label: 'Medium firms', definition: 'Share of awarded value going to medium firms.' },
    economiaPopularShare: {
      label: 'Economía popular',
      definition: 'Share of awarded value going to economía popular units (Ley 2294 de 2023), by supplier type.',
    },
    womenLedShare: {
      label: 'Women-led firms',
      definition: 'Share of awarded value going to women-led firms (Decreto 1082 art. 2.2.1.2.4.2.14), as stated with the bid.',
    },
    cooperativeShare: {
      label: 'Cooperatives',
      definition: 'Share of awarded value going to cooperatives and solidarity-economy entities.',
    },
    localShare: {
      label: 'Local suppliers',
      definition: 'Share of awarded value going to suppliers domiciled in the department where the process is executed.',
    },
    limitedProcesses: {
      label: 'Processes limited to mipymes',
      definition: 'Decided processes whose call was limited to mipymes (Ley 2069 de 2020 arts. 30–34; Decreto 1860 de 2021).',
    },
    limitedValueCop: { label: 'Value of limited processes', definition: 'Value awarded in processes limited to mipymes (COP).' },
    reservedLots: { label: 'Reserved lots', definition: 'Decided lots reserved for mipymes or the economía popular.' },
    processes: { label: 'Decided processes', definition: 'Processes awarded or declared void in the period.' },
    biddersPerProcess: {
      label: 'Bidders per process',
      definition: 'Average number of distinct suppliers with a submitted bid per decided process.',
    },
    bidsPerLot: { label: 'Bids per lot', definition: 'Average number of submitted bids per decided lot.' },
    singleBidderShare: { label: 'Single bidder', definition: 'Share of decided processes that received only one bidder.' },
    voidShare: { label: 'Void (desierto)', definition: 'Share of decided processes with no lot awarded (declared void).' },
    savingsCop: { label: 'Savings', definition: 'Estimated budget of the awarded lots minus their awarded value (COP).' },
    savingsShare: { label: 'Savings (%)', definition: 'Savings as a share of the estimated budget of the awarded lots.' },
    foodAcfcShare: {
      label: 'Food from ACFC',
      definition:
        'Share of food purchases (UNSPSC segment 50) awarded to small producers of the agricultura campesina, familiar y comunitaria; Ley 2046 de 2020 requires at least 30 %.',
    },
  },
};

/** Names of modalities and productive bets for server-made documents (exports, PDF). */
export const MODALITY_NAMES: Record<Locale, Record<Modality, string>> = {
  'es-CO': {
    licitacion_publica: 'Licitación pública',
    seleccion_abreviada_menor_cuantia: 'Selección abreviada de menor cuantía',
    seleccion_abreviada_subasta_inversa: 'Selección abreviada por subasta inversa',
    concurso_de_meritos: 'Concurso de méritos',
    minima_cuantia: 'Mínima cuantía',
    contratacion_directa: 'Contratación directa',
    regimen_especial: 'Régimen especial',
  },
  en: {
    licitacion_publica: 'Licitación pública (open tender)',
    seleccion_abreviada_menor_cuantia: 'Selección abreviada de menor cuantía (small-value tender)',
    seleccion_abreviada_subasta_inversa: 'Selección abreviada by reverse auction',
    concurso_de_meritos: 'Concurso de méritos (merit-based selection)',
    minima_cuantia: 'Mínima cuantía (minimum-value purchase)',
    contratacion_directa: 'Contratación directa (direct award)',
    regimen_especial: 'Special regime',
  },
};

export const PRODUCTIVE_BET_NAMES: Record<Locale, Record<ProductiveBet | '', string>> = {
  'es-CO': {
    energy_transition: 'Transición energética justa',
    agroindustry: 'Agroindustrialización y soberanía alimentaria',
    health: 'Reindustrialización en salud',
    defense: 'Defensa y vida',
    territories: 'Territorios y su tejido empresarial',
    '': 'Sin apuesta productiva',
  },
  en: {
    energy_transition: 'Just energy transition',
    agroindustry: 'Agro-industrialization and food sovereignty',
    health: 'Reindustrialization in health',
    defense: 'Defence and life',
    territories: 'Territories and their business fabric',
    '': 'No productive bet',
  },
};
