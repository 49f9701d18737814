import type { INestApplication } from '@nestjs/common';
import type { TenderInput, TenderModality, TenderView } from '@eslabon/contracts';
import { addBusinessDays, bogotaInstant, defaultSchedule } from '@eslabon/domain';
import { bogotaToday } from '../core/time/bogota';
import { RuleParametersService } from '../modules/rule-parameters/rule-parameters.service';
import { TenderLifecycleService } from '../modules/tenders/tender-lifecycle.service';
import type { TestAccount } from './accounts';

/**
 * A valid tender of two lots (one reserved for mipymes) whose schedule starts `leadDays` business days
 * from today, computed with the modality's defaults in force — so it stays valid whatever day tests run.
 */
export async function tenderInput(
  app: INestApplication,
  modality: TenderModality = 'licitacion_publica',
  leadDays = 15,
): Promise<TenderInput> {
  const rule = await app.get(RuleParametersService).scheduleRule(modality);
  if (!rule) throw new Error(`${modality} has no public call`);
  return {
    title: 'Dotación de uniformes y calzado de seguridad',
    description: 'Uniformes y botas para el personal de mantenimiento de la red vial.',
    modality,
    productiveBet: 'territories',
    executionDepartment: '15',
    executionMunicipality: '15001',
    estimatedValueCop: '230000000',
    schedule: defaultSchedule(addBusinessDays(bogotaToday(), leadDays), rule),
    closingTime: '17:00',
    criteria: {
      totalPoints: 100,
      parts: [
        { key: 'price', label: 'Precio', points: 70 },
        { key: 'quality', label: 'Calidad', points: 19.5 },
        { key: 'mipyme_bonus', label: 'Mipyme', points: 0.25 },
        { key: 'women_led_bonus', label: 'Empresa de mujeres', points: 0.25 },
      ],
      nationalIndustryPoints: 10,
      foreignComponentPoints: 5,
    },
    lots: [
      {
        title: 'Uniformes',
        description: 'Camisa y pantalón en dril',
        unspscClasses: ['531027'],
        quantity: '400',
        unit: 'conjunto',
        estimatedValueCop: '150000000',
        reservedForMipymes: true,
        reservedForEconomiaPopular: false,
        territorialLimitation: null,
        nationalComponentMinPercent: null,
      },
      {
        title: 'Botas de seguridad',
        description: 'Puntera de acero',
        unspscClasses: ['461816'],
        quantity: '400',
        unit: 'par',
        estimatedValueCop: '80000000',
        reservedForMipymes: false,
        reservedForEconomiaPopular: false,
        territorialLimitation: null,
        nationalComponentMinPercent: 40,
      },
    ],
  };
}

/**
 * Opens a tender as its buyer does on its opening date (09:00 in Bogotá): the API refuses to open
 * before that date, so tests pass the moment to the service as the clock would.
 */
export function openOnItsDate(app: INestApplication, tender: TenderView, buyer: TestAccount): Promise<TenderView> {
  const actor = { userId: buyer.userId, organizationId: buyer.organizationId, requestId: null };
  return app
    .get(TenderLifecycleService)
    .transition(tender.id, { transition: 'open' }, actor, bogotaInstant(tender.schedule.opening, '09:00'));
}
