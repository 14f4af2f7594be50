// How a Submit's XP was made up: the exercise's XP, the first-try bonus, what hints cost.
import type { XpBreakdown } from '@questline/contracts';

export function xpBreakdownText(b: XpBreakdown): string {
  if (b.forfeited) return 'the solution was revealed first, so the exercise XP was forfeited';
  const parts = [`${b.base} XP for the exercise`];
  if (b.bonus) parts.push(`+ ${b.bonus} first-try bonus`);
  if (b.hintPenalty) parts.push(`− ${b.hintPenalty} for hints`);
  return parts.join(' ');
}

export function XpBreakdownNote({ breakdown }: { breakdown: XpBreakdown }) {
  return (
    <span class="xp-breakdown" data-testid="xp-breakdown">
      {' '}
      ({xpBreakdownText(breakdown)})
    </span>
  );
}
