import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';

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
});
