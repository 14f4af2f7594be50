import { DEMOTE_COUNT, PROMOTE_COUNT, assignLeagueIndex, nextTier, rankLeague, zoneFor, type LeagueStanding } from './leagues';

describe('assignLeagueIndex', () => {
  it('fills the first league with room, then opens a new one', () => {
    expect(assignLeagueIndex([])).toBe(0);
    expect(assignLeagueIndex([29])).toBe(0);
    expect(assignLeagueIndex([30])).toBe(1);
    expect(assignLeagueIndex([30, 12, 30])).toBe(1);
    expect(assignLeagueIndex([2, 2], 2)).toBe(2);
  });

  it('refuses a nonsensical size', () => {
    expect(() => assignLeagueIndex([], 0)).toThrow(RangeError);
  });
});

describe('rankLeague and zones', () => {
  const standings = (n: number): LeagueStanding[] =>
    Array.from({ length: n }, (_, i) => ({
      userId: `u${String(i).padStart(2, '0')}`,
      weeklyXp: (n - i) * 10,
      lastXpAt: new Date(2026, 0, 1, 0, i),
    }));

  it('ranks by weekly XP, then who reached it first, then id', () => {
    const ranked = rankLeague('silver', [
      { userId: 'late', weeklyXp: 50, lastXpAt: new Date('2026-03-10T12:00:00Z') },
      { userId: 'early', weeklyXp: 50, lastXpAt: new Date('2026-03-10T08:00:00Z') },
      { userId: 'top', weeklyXp: 90, lastXpAt: new Date('2026-03-11T08:00:00Z') },
    ]);
    expect(ranked.map((r) => r.userId)).toEqual(['top', 'early', 'late']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('promotes the top 5 and demotes the bottom 5 of a full league', () => {
    const ranked = rankLeague('silver', standings(30));
    expect(ranked.filter((r) => r.zone === 'promotion')).toHaveLength(PROMOTE_COUNT);
    expect(ranked.filter((r) => r.zone === 'demotion')).toHaveLength(DEMOTE_COUNT);
    expect(ranked.slice(-DEMOTE_COUNT).every((r) => r.zone === 'demotion')).toBe(true);
  });

  it('never promotes out of Diamond, never demotes out of Bronze, and a small league demotes nobody', () => {
    expect(rankLeague('diamond', standings(30)).some((r) => r.zone === 'promotion')).toBe(false);
    expect(rankLeague('bronze', standings(30)).some((r) => r.zone === 'demotion')).toBe(false);
    expect(rankLeague('gold', standings(6)).some((r) => r.zone === 'demotion')).toBe(false);
  });

  it('promotes nobody who earned no XP that week', () => {
    expect(zoneFor('gold', 1, 30, 0)).toBe('safe');
    expect(zoneFor('gold', 1, 30, 1)).toBe('promotion');
  });

  it('moves one tier at a time', () => {
    expect(nextTier('bronze', 'promotion')).toBe('silver');
    expect(nextTier('diamond', 'promotion')).toBe('diamond');
    expect(nextTier('silver', 'demotion')).toBe('bronze');
    expect(nextTier('bronze', 'demotion')).toBe('bronze');
    expect(nextTier('gold', 'safe')).toBe('gold');
  });
});
