import { describe, expect, it } from '@jest/globals';
import { applySubmitToSpree, EMPTY_SPREE } from './spree';

const replay = (results: boolean[]) => results.reduce(applySubmitToSpree, EMPTY_SPREE);

describe('applySubmitToSpree', () => {
  it('counts consecutive passing Submits', () => {
    expect(replay([true, true, true])).toEqual({ current: 3, best: 3 });
  });

  it('a failing Submit ends the spree and the best is kept', () => {
    expect(replay([true, true, true, false])).toEqual({ current: 0, best: 3 });
    expect(replay([true, true, true, false, true])).toEqual({ current: 1, best: 3 });
  });

  it('a longer later spree replaces the best', () => {
    expect(replay([true, false, true, true, true, true])).toEqual({ current: 4, best: 4 });
  });
});
