import { Global, Injectable, Logger, Module } from '@nestjs/common';
import type { Dependency } from './dependency';

/** An outage with no failure reported for this long is over; the next failure starts (and logs) a new one. */
export const OUTAGE_QUIET_MS = 30_000;
/** During a long outage, one reminder line this often, with the count of failures since the last line. */
export const OUTAGE_REMIND_MS = 5 * 60_000;

interface Outage {
  last: number;
  lastLogged: number;
  suppressed: number;
}

/**
 * Logs a dependency outage once, at warn, instead of one error line with a stack per failed request:
 * during an outage every request fails the same way, and a stack per request only buries the first line.
 */
export class OutageLog {
  private readonly outages = new Map<Dependency, Outage>();

  constructor(
    private readonly warn: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  report(dependency: Dependency, error: unknown): void {
    const now = this.now();
    const outage = this.outages.get(dependency);
    if (!outage || now - outage.last > OUTAGE_QUIET_MS) {
      this.outages.set(dependency, { last: now, lastLogged: now, suppressed: 0 });
      this.warn(`${dependency} unavailable (${describe(error)}): answering 503 until it is back; logged once per outage`);
      return;
    }
    outage.last = now;
    outage.suppressed += 1;
    if (now - outage.lastLogged >= OUTAGE_REMIND_MS) {
      this.warn(`${dependency} still unavailable (${describe(error)}): ${outage.suppressed} more failure(s) since the last line`);
      outage.lastLogged = now;
      outage.suppressed = 0;
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0].slice(0, 200);
  return String(error).slice(0, 200);
}

/** The api's one OutageLog (exception filter, socket handshake, producers), so each outage is one line. */
@Injectable()
export class DependencyOutages extends OutageLog {
  constructor() {
    const logger = new Logger('Dependencies');
    super((line) => logger.warn(line));
  }
}

@Global()
@Module({ providers: [DependencyOutages], exports: [DependencyOutages] })
export class DependencyOutagesModule {}
