import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { LIVE_EVENTS, type BossUpdatedEvent } from '@questline/contracts';
import { LiveEvents } from './live-events.service';

/** At most one `boss.updated` per event per interval from this process, always ending on the latest state. */
export const BOSS_BAR_INTERVAL_MS = 1000;

/**
 * The boss's health bar for everyone, throttled: a burst of Submits moves the bar once per interval
 * (leading edge at once, then the newest state at the end of the interval), one fan-out per process,
 * computed by the worker in the Submit's transaction (no database access here).
 */
@Injectable()
export class BossBar implements OnModuleDestroy {
  private readonly pending = new Map<string, BossUpdatedEvent>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly live: LiveEvents) {}

  offer(state: BossUpdatedEvent): void {
    if (this.timers.has(state.id)) {
      const previous = this.pending.get(state.id);
      // Events can arrive out of order across workers: damage only grows, so keep the larger.
      if (!previous || state.damage >= previous.damage) this.pending.set(state.id, state);
      return;
    }
    this.live.emitToAll(LIVE_EVENTS.bossUpdated, state);
    this.timers.set(
      state.id,
      setTimeout(() => this.flush(state.id), BOSS_BAR_INTERVAL_MS),
    );
  }

  private flush(id: string): void {
    this.timers.delete(id);
    const latest = this.pending.get(id);
    this.pending.delete(id);
    if (latest) this.offer(latest);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
