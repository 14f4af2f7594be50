import { dismiss, toasts } from '../lib/toasts';
import { EmojiIcon, Icon } from './Icon';
import { useStore } from '../lib/store';

export function Toasts() {
  const list = useStore(toasts);
  return (
    <div class="toasts" aria-live="polite" aria-atomic="false" data-testid="toasts">
      {list.map((t) => (
        <div key={t.id} class={`toast toast--${t.kind}`} role="status" data-testid="toast" data-kind={t.kind}>
          {t.icon ? (
            <span class="toast__icon" aria-hidden="true">
              {t.kind === 'achievement' ? <EmojiIcon emoji={t.icon} /> : t.kind === 'level' ? <Icon name="level" /> : t.icon}
            </span>
          ) : null}
          <div class="toast__text">
            <strong>{t.title}</strong>
            {t.body ? <div>{t.body}</div> : null}
          </div>
          <button type="button" class="toast__close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
