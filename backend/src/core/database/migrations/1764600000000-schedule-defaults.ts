import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Default tender schedules per modality, in Colombian business days (RULES.md §6, "confirm"): draft
 * terms 10 business days before opening in licitación pública and 5 in selección abreviada and
 * concurso de méritos; the mipyme request deadline one business day before opening; mínima cuantía has
 * no draft terms; contratación directa has no public call. The other offsets are working defaults a
 * platform admin should review.
 */
/** Selección abreviada, and special-regime buyers until they set their own (Ley 1150 art. 14). */
const ABBREVIATED = {
  draftBeforeOpening: 5,
  observationsBeforeOpening: 2,
  mipymeRequestBeforeOpening: 1,
  openingToClosing: 5,
  questionsBeforeClosing: 2,
  closingToReport: 3,
  commentDays: 3,
  reportToAward: 2,
};

const DEFAULTS = {
  licitacion_publica: {
    ...ABBREVIATED,
    draftBeforeOpening: 10,
    openingToClosing: 10,
    questionsBeforeClosing: 3,
    closingToReport: 5,
    commentDays: 5,
    reportToAward: 3,
  },
  seleccion_abreviada_menor_cuantia: ABBREVIATED,
  seleccion_abreviada_subasta_inversa: ABBREVIATED,
  concurso_de_meritos: { ...ABBREVIATED, openingToClosing: 8, questionsBeforeClosing: 3, closingToReport: 5, reportToAward: 3 },
  minima_cuantia: {
    draftBeforeOpening: null,
    observationsBeforeOpening: null,
    mipymeRequestBeforeOpening: null,
    openingToClosing: 2,
    questionsBeforeClosing: 1,
    closingToReport: 1,
    commentDays: 1,
    reportToAward: 1,
  },
  contratacion_directa: null,
  regimen_especial: ABBREVIATED,
};

export class ScheduleDefaults1764600000000 implements MigrationInterface {
  name = 'ScheduleDefaults1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO rule_parameter_versions (parameter, period, value, valid_from, source, note) VALUES ('schedule_defaults', 'all', $1, '2015-05-26', $2, $3)`,
      [
        JSON.stringify(DEFAULTS),
        'Decreto 1082 de 2015 (plazos del proyecto de pliego) y práctica de Colombia Compra Eficiente',
        'Días hábiles. Por confirmar: los plazos del proyecto de pliego por modalidad y el de solicitudes de limitación a mipymes; los demás son valores de trabajo para revisar.',
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Versions are immutable by trigger; only undoing this migration may remove them.
    await q.query(`ALTER TABLE rule_parameter_versions DISABLE TRIGGER rule_parameter_versions_immutable`);
    await q.query(`DELETE FROM rule_parameter_versions WHERE parameter = 'schedule_defaults'`);
    await q.query(`ALTER TABLE rule_parameter_versions ENABLE TRIGGER rule_parameter_versions_immutable`);
  }
}
