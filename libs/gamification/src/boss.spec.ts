import { BOSS_DEFEAT_BONUS_GEMS, bossRewards, bossStatus, countsAgainstBoss, validateBossWindow } from './boss';

const event = { health: 1000, startsAt: new Date('2026-03-10T10:00:00Z'), endsAt: new Date('2026-03-10T12:00:00Z') };

describe('boss battles', () => {
  it('counts XP inside [startsAt, endsAt) only', () => {
    expect(countsAgainstBoss(event, new Date('2026-03-10T09:59:59Z'))).toBe(false);
    expect(countsAgainstBoss(event, event.startsAt)).toBe(true);
    expect(countsAgainstBoss(event, event.endsAt)).toBe(false);
  });

  it('reports phase and the health bar', () => {
    expect(bossStatus(event, 0, new Date('2026-03-10T09:00:00Z')).phase).toBe('upcoming');
    expect(bossStatus(event, 250, new Date('2026-03-10T11:00:00Z'))).toEqual({
      phase: 'active',
      damage: 250,
      remaining: 750,
      remainingPercent: 75,
    });
    expect(bossStatus(event, 5000, new Date('2026-03-10T11:00:00Z'))).toMatchObject({ phase: 'defeated', remaining: 0, damage: 1000 });
    expect(bossStatus(event, 10, new Date('2026-03-10T12:00:00Z')).phase).toBe('ended');
  });

  it('pays each contributor by tier, with a bonus when the boss fell, and nothing for no damage', () => {
    const contributions = new Map([
      ['a', 350],
      ['b', 100],
      ['c', 1],
      ['d', 0],
    ]);
    expect(bossRewards(contributions, false).map((r) => [r.userId, r.tier, r.gems])).toEqual([
      ['a', 'champion', 40],
      ['b', 'fighter', 20],
      ['c', 'participant', 5],
    ]);
    expect(bossRewards(contributions, true)[0].gems).toBe(40 + BOSS_DEFEAT_BONUS_GEMS);
  });

  it('refuses an empty pool or a window that ends before it starts', () => {
    expect(() => validateBossWindow({ ...event, health: 0 })).toThrow(RangeError);
    expect(() => validateBossWindow({ ...event, endsAt: event.startsAt })).toThrow(RangeError);
  });
});
