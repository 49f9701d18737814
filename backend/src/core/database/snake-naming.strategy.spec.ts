import { SnakeNamingStrategy, constraintName, snakeCase } from './snake-naming.strategy';

describe('snakeCase', () => {
  it.each([
    ['lastBeatAt', 'last_beat_at'],
    ['WorkerHeartbeat', 'worker_heartbeat'],
    ['unspscCode', 'unspsc_code'],
    ['NITCheckDigit', 'nit_check_digit'],
    ['lot2Value', 'lot2_value'],
    ['already_snake', 'already_snake'],
  ])('%s → %s', (input, output) => {
    expect(snakeCase(input)).toBe(output);
  });
});

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();

  it('keeps explicit names and snake-cases embedded columns', () => {
    expect(strategy.tableName('TenderLot', 'lots')).toBe('lots');
    expect(strategy.tableName('TenderLot', undefined)).toBe('tender_lot');
    expect(strategy.columnName('amountCop', undefined, ['estimatedValue'])).toBe('estimated_value_amount_cop');
    expect(strategy.joinColumnName('buyerOrganization', 'id')).toBe('buyer_organization_id');
  });

  it('names keys and indexes readably', () => {
    expect(strategy.primaryKeyName('tender_lots')).toBe('pk_tender_lots');
    expect(strategy.indexName('public.tender_lots', ['tender_id', 'position'])).toBe('ix_tender_lots_tender_id_position');
    expect(strategy.foreignKeyName('bids', ['supplier_id'])).toBe('fk_bids_supplier_id');
    expect(strategy.uniqueConstraintName('bids', ['tender_id', 'supplier_id'])).toBe('uq_bids_tender_id_supplier_id');
  });
});

describe('constraintName', () => {
  it('keeps long names within 63 characters and distinct', () => {
    const a = constraintName('ix', 'supplier_capability_declarations', ['unspsc_class_code', 'department_code', 'a']);
    const b = constraintName('ix', 'supplier_capability_declarations', ['unspsc_class_code', 'department_code', 'b']);
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(a.startsWith('ix_supplier_capability_declarations_unspsc_class_code')).toBe(true);
  });
});
