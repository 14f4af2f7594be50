import { PLATFORM_LIMITS } from '@questline/exercise-format';
import { BUDGET_FACTOR, budgetFor } from './time-budget';

describe('budgetFor', () => {
  it('gives no budget when 5x the measured time fits the default', () => {
    expect(budgetFor(100, 2000)).toBeUndefined();
    expect(budgetFor(2000 / BUDGET_FACTOR, 2000)).toBeUndefined();
  });

  it('gives 5x the measured time, rounded up to 0.5 s, when that exceeds the default', () => {
    expect(budgetFor(401, 2000)).toBe(2500);
    expect(budgetFor(900, 2000)).toBe(4500);
  });

  it('never exceeds the platform maximum', () => {
    expect(budgetFor(PLATFORM_LIMITS.timeMs, 2000)).toBe(PLATFORM_LIMITS.timeMs);
  });
});
