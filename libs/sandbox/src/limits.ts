// Platform limits for one grading, and how a request's own limits are clamped to them.
import type { GradeLimits, GradeRequest } from './types';

export const SANDBOX_DEFAULTS = {
  timeMs: 2000,
  memoryMb: 64,
  maxTimeMs: 10000,
  maxMemoryMb: 256,
  maxSourceBytes: 65536,
  maxOutputBytes: 65536,
} as const;

/** isolated-vm refuses a memoryLimit under 8 MB; below 16 even the harness does not fit. */
const MIN_MEMORY_MB = 16;
const MIN_TIME_MS = 50;

function clamp(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** The effective limits for a request: per-exercise overrides, clamped to the platform maxima. */
export function effectiveLimits(request: Pick<GradeRequest, 'limits'>): GradeLimits {
  return {
    timeMs: clamp(request.limits?.timeMs, SANDBOX_DEFAULTS.timeMs, MIN_TIME_MS, SANDBOX_DEFAULTS.maxTimeMs),
    memoryMb: clamp(request.limits?.memoryMb, SANDBOX_DEFAULTS.memoryMb, MIN_MEMORY_MB, SANDBOX_DEFAULTS.maxMemoryMb),
  };
}
