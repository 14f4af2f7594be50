// Password strength: a common-password list and the zxcvbn estimator (issue 12 item 9). Runs after the
// DTO's length checks (8–200 characters), so the estimator never sees hostile lengths.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn score (0–4) a password must reach: 3 is "safely unguessable" (~10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/**
 * The estimator reads this many leading characters. Its cost grows steeply with length (a 200-character
 * repetition took ~0.4 s of the event loop, 40 characters stays in the tens of milliseconds), and 40
 * characters that are not a pattern are far beyond any guessing budget; the rest of a longer password only adds.
 */
export const ESTIMATED_PREFIX = 40;

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: ESTIMATED_PREFIX });

// zxcvbn's feedback is a translation key; these are the ones worth a sentence.
const WARNINGS: Record<string, string> = {
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is very close to a commonly used password',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'a single name is easy to guess',
  commonNames: 'common names are easy to guess',
  straightRow: 'a straight row of keys is easy to guess',
  keyPattern: 'a short keyboard pattern is easy to guess',
  simpleRepeat: 'repeated characters like "aaa" are easy to guess',
  extendedRepeat: 'repeated patterns like "abcabc" are easy to guess',
  sequences: 'sequences like "abc" or "1234" are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  userInputs: 'it contains your email or name',
};

/**
 * Why a password is refused, as a sentence for the learner, or null when it is strong enough.
 * `userInputs` (email, display name) count as known words, so "ada@example.com1!" is weak for Ada.
 */
export function passwordWeakness(password: string, userInputs: readonly string[] = []): string | null {
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return 'Password is too easy to guess: it is on the list of commonly used passwords. Try a few unrelated words.';
  }
  // The whole value, an email's local part, and each word of either.
  const inputs = userInputs
    .flatMap((v) => [v, v.split('@')[0], ...v.split(/[@.\s_+-]+/)])
    .map((v) => v.toLowerCase())
    .filter((v) => v.length >= 3);
  const result = zxcvbn.check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `Password is too easy to guess${warning ? `: ${warning}` : ''}. Try a few unrelated words, or add more characters.`;
}
