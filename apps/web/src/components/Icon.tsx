// Icons that never depend on an emoji font: the page's own symbols are inline SVG, and an emoji from
// the server (an achievement's icon) is shown only when this machine can draw emoji, else a medal.
// Without the check, machines with no emoji font show empty boxes.

export type IconName = 'flame' | 'lock' | 'medal' | 'level';

const PATHS: Record<IconName, string> = {
  flame: 'M12 2c1 3.5 5 6 5 11a5 5 0 0 1-10 0c0-2.4 1.2-4 2.5-5.2C9.7 10 10.5 11.5 12 12c-.6-3.3.2-6.8 0-10z',
  lock: 'M7 10V8a5 5 0 0 1 10 0v2h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zm2 0h6V8a3 3 0 0 0-6 0z',
  medal: 'M8 2h8l-2.2 6.1A6 6 0 1 1 10.2 8.1zM12 10a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  level: 'M12 3l8 9h-5v9H9v-9H4z',
};

export function Icon({ name, label }: { name: IconName; label?: string }) {
  return (
    <svg
      class={`icon icon--${name}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="currentColor"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      data-icon={name}
    >
      <path d={PATHS[name]} fill-rule="evenodd" />
    </svg>
  );
}

let emojiFont: boolean | null = null;

/**
 * Whether this browser draws emoji: 🏆 rendered on a canvas differs from a code point no font has
 * (drawn as the same empty box when there is no emoji font).
 */
export function hasEmojiFont(): boolean {
  if (emojiFont !== null) return emojiFont;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 24;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return (emojiFont = false);
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 24, 24);
      ctx.font = '20px sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText(text, 0, 0);
      return ctx.getImageData(0, 0, 24, 24).data.join(',');
    };
    emojiFont = draw('\u{1F3C6}') !== draw('\u{10FFFD}');
  } catch {
    emojiFont = false;
  }
  document.documentElement.dataset.emoji = emojiFont ? 'yes' : 'no';
  return emojiFont;
}

/** An emoji from the server when it can be drawn, else the fallback icon. */
export function EmojiIcon({ emoji, fallback = 'medal' }: { emoji?: string; fallback?: IconName }) {
  if (emoji && hasEmojiFont()) return <span aria-hidden="true">{emoji}</span>;
  return <Icon name={fallback} />;
}
