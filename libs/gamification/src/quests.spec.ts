import {
  QUEST_CATALOGUE,
  advanceQuest,
  nextQuestPeriodStart,
  chooseQuests,
  questByKey,
  questPeriodKey,
  questProgressFor,
  type QuestSubmitFacts,
} from './quests';

const everything = { typescriptAvailable: true, newChapterAvailable: true, unsolvedAvailable: true };
const solve: QuestSubmitFacts = {
  newSolve: true,
  firstTry: false,
  hintsRevealed: 1,
  streakExtended: false,
  firstSolveInChapter: false,
  language: 'javascript',
  xpAwarded: 20,
};

describe('quest periods', () => {
  it('resets daily quests at the learner’s local midnight, not UTC’s', () => {
    const at = new Date('2026-03-10T23:30:00Z');
    expect(questPeriodKey('daily', at, 'UTC')).toBe('2026-03-10');
    expect(questPeriodKey('daily', at, 'Europe/Berlin')).toBe('2026-03-11');
    expect(questPeriodKey('daily', at, 'America/Los_Angeles')).toBe('2026-03-10');
  });

  it('uses the ISO week of the local day for weekly quests (Sunday night in Tokyo is already Monday)', () => {
    const sundayUtc = new Date('2026-03-15T20:00:00Z'); // Sunday in UTC, Monday 05:00 in Tokyo
    expect(questPeriodKey('weekly', sundayUtc, 'UTC')).toBe('2026-W11');
    expect(questPeriodKey('weekly', sundayUtc, 'Asia/Tokyo')).toBe('2026-W12');
  });

  it('knows when a period ends, DST days included', () => {
    expect(nextQuestPeriodStart('daily', new Date('2026-03-10T23:30:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-11T23:00:00.000Z');
    // Europe/Berlin leaves DST on 2026-10-25: that local day has 25 hours.
    expect(nextQuestPeriodStart('daily', new Date('2026-10-24T22:30:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(nextQuestPeriodStart('weekly', new Date('2026-03-11T12:00:00Z'), 'UTC').toISOString()).toBe('2026-03-16T00:00:00.000Z');
  });

  it('falls back to UTC for a missing or invalid time zone', () => {
    const at = new Date('2026-03-10T23:30:00Z');
    expect(questPeriodKey('daily', at, null)).toBe('2026-03-10');
    expect(questPeriodKey('daily', at, 'Not/AZone')).toBe('2026-03-10');
  });
});

describe('chooseQuests', () => {
  it('gives three daily quests with three different goals and one weekly quest', () => {
    const daily = chooseQuests('u1', 'daily', '2026-03-10', everything);
    expect(daily).toHaveLength(3);
    expect(new Set(daily.map((q) => q.goal)).size).toBe(3);
    expect(daily.every((q) => q.period === 'daily')).toBe(true);
    const weekly = chooseQuests('u1', 'weekly', '2026-W11', everything);
    expect(weekly).toHaveLength(1);
    expect(weekly[0].period).toBe('weekly');
  });

  it('is deterministic per learner and period, and varies across days and learners', () => {
    expect(chooseQuests('u1', 'daily', '2026-03-10', everything)).toEqual(chooseQuests('u1', 'daily', '2026-03-10', everything));
    const sets = new Set<string>();
    for (let d = 10; d < 30; d++)
      sets.add(
        chooseQuests('u1', 'daily', `2026-03-${d}`, everything)
          .map((q) => q.key)
          .sort()
          .join(),
      );
    for (let u = 0; u < 20; u++)
      sets.add(
        chooseQuests(`u${u}`, 'daily', '2026-03-10', everything)
          .map((q) => q.key)
          .sort()
          .join(),
      );
    expect(sets.size).toBeGreaterThan(5);
  });

  it('offers no TypeScript quest to a learner with no TypeScript exercise open, and only streak goals once all is solved', () => {
    for (let d = 10; d < 30; d++) {
      const keys = chooseQuests('u2', 'daily', `2026-03-${d}`, { ...everything, typescriptAvailable: false }).map((q) => q.goal);
      expect(keys).not.toContain('typescript');
    }
    const done = chooseQuests('u3', 'daily', '2026-03-10', {
      typescriptAvailable: true,
      newChapterAvailable: false,
      unsolvedAvailable: false,
    });
    expect(done.map((q) => q.goal)).toEqual(['streak-day']);
    expect(
      chooseQuests('u3', 'weekly', '2026-W11', { typescriptAvailable: true, newChapterAvailable: false, unsolvedAvailable: false }),
    ).toEqual([]);
  });

  it('has unique, stable keys', () => {
    expect(new Set(QUEST_CATALOGUE.map((q) => q.key)).size).toBe(QUEST_CATALOGUE.length);
    expect(questByKey('daily-solve-1')?.target).toBe(1);
  });
});

describe('quest progress', () => {
  const quest = (key: string) => questByKey(key)!;

  it('counts each goal from the facts of one Submit', () => {
    expect(questProgressFor(quest('daily-solve-1'), solve)).toBe(1);
    expect(questProgressFor(quest('daily-solve-1'), { ...solve, newSolve: false })).toBe(0);
    expect(questProgressFor(quest('daily-first-try'), solve)).toBe(0);
    expect(questProgressFor(quest('daily-first-try'), { ...solve, firstTry: true })).toBe(1);
    expect(questProgressFor(quest('daily-no-hints-2'), solve)).toBe(0);
    expect(questProgressFor(quest('daily-no-hints-2'), { ...solve, hintsRevealed: 0 })).toBe(1);
    expect(questProgressFor(quest('daily-streak'), { ...solve, streakExtended: true })).toBe(1);
    expect(questProgressFor(quest('daily-typescript'), solve)).toBe(0);
    expect(questProgressFor(quest('daily-typescript'), { ...solve, language: 'typescript' })).toBe(1);
    expect(questProgressFor(quest('weekly-new-chapter'), { ...solve, firstSolveInChapter: true })).toBe(1);
    expect(questProgressFor(quest('daily-xp-50'), solve)).toBe(20);
    expect(questProgressFor(quest('daily-xp-50'), { ...solve, xpAwarded: -5 })).toBe(0);
  });

  it('completes exactly once, capped at the target', () => {
    const q = quest('daily-xp-50');
    let state = { key: q.key, progress: 0, completed: false };
    const completions: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const { next, justCompleted } = advanceQuest(q, state, solve);
      completions.push(justCompleted);
      state = next;
    }
    expect(completions).toEqual([false, false, true, false]);
    expect(state).toEqual({ key: q.key, progress: 50, completed: true });
  });
});
