// Public API of the grading engine. See docs/sandbox.md for how it works and its safety model.
export * from './types';
export { SANDBOX_DEFAULTS, effectiveLimits } from './limits';
export * from './grade-request';
export { createGrader, type Grader, type GraderOptions } from './grader';
export { maskHiddenTests, maskHiddenTest, type MaskOptions } from './mask';
export { locateSandboxDir } from './locate';
export { mistakeSignature, normaliseFailureMessage, type MistakePart, type MistakeSignature } from './mistake-signature';
