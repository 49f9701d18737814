import { eventRetryDelay } from './events.processor';

describe('eventRetryDelay', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [9, 512_000],
    [10, 600_000],
    [500, 600_000],
  ])('attempt %d waits %d ms', (attempt, ms) => {
    expect(eventRetryDelay(attempt)).toBe(ms);
  });
});
