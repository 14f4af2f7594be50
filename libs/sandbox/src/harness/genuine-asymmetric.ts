// Jest's equality treats any value with an `asymmetricMatch` method as an asymmetric matcher and lets it
// decide the comparison, so a learner's function could return `{ asymmetricMatch: () => true }` and
// pass every `toEqual`. The build patches Jest so that only matchers created by expect itself
// (registered here by the AsymmetricMatcher constructor) are treated as matchers.
export const genuineAsymmetricMatchers = new WeakSet<object>();

export function isGenuineAsymmetricMatcher(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && genuineAsymmetricMatchers.has(value);
}

/**
 * Hooks the build patches into Jest (scripts/build-sandbox.mjs). `onAssertion` replaces Jest's
 * `getState().assertionCalls++`, so the harness can refuse to count assertions made by learner code.
 */
export const hooks = {
  onAssertion(state: { assertionCalls: number }): void {
    state.assertionCalls++;
  },
};
