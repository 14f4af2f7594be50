// The accuracy spree: consecutive passing Submits with no failing Submit in between. Runs never count.

export interface SpreeState {
  current: number;
  best: number;
}

export const EMPTY_SPREE: Readonly<SpreeState> = Object.freeze({ current: 0, best: 0 });

/** A passing Submit extends the spree; a failing one ends it (the best spree is kept). */
export function applySubmitToSpree(state: SpreeState, passed: boolean): SpreeState {
  if (!passed) return { current: 0, best: state.best };
  const current = state.current + 1;
  return { current, best: Math.max(state.best, current) };
}
