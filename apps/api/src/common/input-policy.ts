/**
 * The api's one input policy for text that reaches PostgreSQL or recursive code, applied to every request
 * before any route (installBodyParsing) and backed up in the exception filter:
 * - NUL (U+0000) is refused everywhere: PostgreSQL text cannot hold it ("invalid byte sequence for encoding
 *   UTF8: 0x00"), so it would otherwise surface as a 500 from whichever query first sees it.
 * - JSON nesting is limited: no route takes more than a few levels, and deeply nested input only feeds
 *   recursive validators and serialisers (5,000 levels gave a 500).
 * Pure: no Nest, no I/O.
 */
export const MAX_JSON_DEPTH = 32;

export const NUL_MESSAGE = 'Text must not contain NUL characters (\\u0000)';
export const depthMessage = (max = MAX_JSON_DEPTH): string => `JSON nested deeper than ${max} levels`;

/** A literal or percent-encoded NUL anywhere in the request target (path or query). */
export function urlHasNul(url: string): boolean {
  return url.includes('\0') || /%00/i.test(url);
}

/**
 * What is wrong with a parsed body or query, or null: walks iteratively (a deep value must not overflow
 * this check's own stack), looking at every string and every key.
 */
export function inputProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) return NUL_MESSAGE;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return depthMessage(maxDepth);
    for (const [key, child] of Object.entries(current)) {
      if (key.includes('\0')) return NUL_MESSAGE;
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

/** PostgreSQL's refusals of a NUL that got past the checks above (22021 text, 22P05 jsonb \u0000). */
export function isNulRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { driverError, code, message } = error as { driverError?: unknown; code?: unknown; message?: unknown };
  if ((code === '22021' || code === '22P05') && typeof message === 'string' && /0x00|\\u0000/.test(message)) return true;
  return driverError !== undefined && driverError !== error && isNulRefusal(driverError);
}
