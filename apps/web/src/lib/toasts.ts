// Toast notifications: level-ups, achievements, errors. Each dismisses itself after a while.
import { createStore } from './store';

export type ToastKind = 'level' | 'achievement' | 'error' | 'info' | 'success';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  body?: string;
  icon?: string;
}

export const toasts = createStore<Toast[]>([]);
let nextId = 1;

export function toast(kind: ToastKind, title: string, body?: string, icon?: string, ttlMs = 8000): void {
  const id = nextId++;
  toasts.set((list) => [...list.slice(-4), { id, kind, title, body, icon }]);
  window.setTimeout(() => dismiss(id), ttlMs);
}

export function dismiss(id: number): void {
  toasts.set((list) => list.filter((t) => t.id !== id));
}
