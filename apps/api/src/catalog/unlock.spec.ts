import { computeStatuses, type UnlockChapter, type UnlockExercise } from './unlock';

const chapters: UnlockChapter[] = [
  { id: 'c1', slug: 'basics', title: 'Basics', requires: {} },
  { id: 'c2', slug: 'loops', title: 'Loops', requires: { chapters: ['basics'] } },
];
const exercises: UnlockExercise[] = [
  { id: 'e1', slug: 'hello', title: 'Hello', chapterId: 'c1', requires: {} },
  { id: 'e2', slug: 'sum', title: 'Sum', chapterId: 'c1', requires: { exercises: ['hello'] } },
  { id: 'e3', slug: 'fizz', title: 'Fizz', chapterId: 'c2', requires: {} },
];

describe('computeStatuses', () => {
  it('locks a chapter and its exercises until the required chapter is fully solved', () => {
    const none = computeStatuses(chapters, exercises, new Set());
    expect(none.chapters.get('c1')).toBe('available');
    expect(none.chapters.get('c2')).toBe('locked');
    expect(none.exercises.get('e1')).toBe('available');
    expect(none.exercises.get('e2')).toBe('locked');
    expect(none.blockers.get('e2')).toEqual(['"Hello"']);
    expect(none.exercises.get('e3')).toBe('locked');
    expect(none.blockers.get('e3')).toEqual(['chapter "Basics"']);

    const half = computeStatuses(chapters, exercises, new Set(['e1']));
    expect(half.exercises.get('e1')).toBe('solved');
    expect(half.exercises.get('e2')).toBe('available');
    expect(half.chapters.get('c2')).toBe('locked');

    const all = computeStatuses(chapters, exercises, new Set(['e1', 'e2']));
    expect(all.chapters.get('c1')).toBe('solved');
    expect(all.chapters.get('c2')).toBe('available');
    expect(all.exercises.get('e3')).toBe('available');
  });

  it('says what unlocks a locked chapter, and which exercise to open for a locked exercise', () => {
    const none = computeStatuses(chapters, exercises, new Set());
    expect(none.chapterBlockers.get('c2')).toEqual(['chapter "Basics"']);
    expect(none.chapterBlockers.has('c1')).toBe(false);
    // e2 waits for e1 (available); e3 waits for the whole of Basics: e1 is the one open now (e2 is locked).
    expect(none.unlockAt.get('e2')).toBe('e1');
    expect(none.unlockAt.get('e3')).toBe('e1');
    const half = computeStatuses(chapters, exercises, new Set(['e1']));
    expect(half.unlockAt.get('e3')).toBe('e2');
    expect(half.unlockAt.has('e2')).toBe(false);
  });

  it('keeps a solved exercise solved even when its prerequisites are not', () => {
    const statuses = computeStatuses(chapters, exercises, new Set(['e3']));
    expect(statuses.exercises.get('e3')).toBe('solved');
    expect(statuses.chapters.get('c2')).toBe('solved');
  });

  it('ignores requirements on slugs that are no longer in the course', () => {
    const statuses = computeStatuses(
      chapters,
      [{ id: 'e9', slug: 'x', title: 'X', chapterId: 'c1', requires: { exercises: ['gone'] } }],
      new Set(),
    );
    expect(statuses.exercises.get('e9')).toBe('available');
  });
});
