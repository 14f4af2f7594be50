import type { GradeJobResult } from '@questline/jobs';
import { CompletionReconciler, FIRST_CHECK_MS } from './completion-reconciler';

const result = (submissionId: string): GradeJobResult =>
  ({ userId: 'u1', exerciseId: 'e1', kind: 'submit', payload: { submissionId }, gradingMs: 1, endToEndMs: 2 }) as unknown as GradeJobResult;

describe('CompletionReconciler', () => {
  let now: number;
  let completed: Set<string>;
  let queries: string[][];
  let delivered: string[];
  let reconciler: CompletionReconciler;
  beforeEach(() => {
    now = 0;
    completed = new Set();
    queries = [];
    delivered = [];
    reconciler = new CompletionReconciler(
      async (ids) => {
        queries.push(ids);
        return ids.filter((id) => completed.has(id)).map(result);
      },
      (r) => delivered.push(r.payload.submissionId),
      () => now,
    );
  });

  it('costs nothing when the completion event arrives in time', async () => {
    reconciler.track('s1', 'u1');
    expect(reconciler.claim('s1')).toBe(true);
    now += FIRST_CHECK_MS * 10;
    expect(await reconciler.tick()).toBe(0);
    expect(queries).toEqual([]);
  });

  it('delivers a committed completion whose event was lost, once, and ignores the event if it comes late', async () => {
    reconciler.track('s1', 'u1');
    reconciler.track('s2', 'u1');
    now += FIRST_CHECK_MS - 1;
    await reconciler.tick();
    expect(queries).toEqual([]); // not due yet
    now += 1;
    completed.add('s1');
    expect(await reconciler.tick()).toBe(1);
    expect(queries).toEqual([['s1', 's2']]);
    expect(delivered).toEqual(['s1']);
    expect(reconciler.claim('s1')).toBe(false); // the late event
    expect(reconciler.tracked).toBe(1); // s2 still pending
  });

  it('backs off for a long grading and gives up eventually', async () => {
    reconciler.track('slow', 'u1');
    for (let t = 0; t < 60_000; t += 1000) {
      now = t;
      await reconciler.tick();
    }
    // Checked at 2 s, 6 s, 14 s, 30 s, 60 s: a handful of queries per minute, not one per tick.
    expect(queries.length).toBeLessThanOrEqual(5);
    now = 16 * 60_000;
    await reconciler.tick();
    expect(reconciler.tracked).toBe(0);
  });

  it('does not track what it already delivered', async () => {
    expect(reconciler.claim('s1')).toBe(true);
    reconciler.track('s1', 'u1');
    expect(reconciler.tracked).toBe(0);
  });
});
