import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { LIVE_EVENTS, type SessionEndReason, type SessionEndedEvent } from '@questline/contracts';
import { InjectConfig, type AppConfig } from '@questline/config';
import type { AuthUser } from '../auth/auth-user';
import { unavailableDependency } from '../common/errors/dependency';
import { DependencyOutages } from '../common/errors/outage-log';
import { UsersService } from '../users/users.service';

export interface LiveSocketData {
  user: AuthUser;
  /** Role and password digest when the socket was admitted (UsersService.sessionStates). */
  fingerprint: string;
  expiryTimer?: NodeJS.Timeout;
}

/** setTimeout's ceiling (~24.8 days); a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket keeps only the rights its token had: it is disconnected the moment its token expires, and
 * each api process re-checks the users of its sockets every LIVE_REVALIDATE_MS in one query, ending
 * those whose account was deleted or whose role or password changed (the CLI and other processes change
 * them, so there is nothing to subscribe to). The client is told why (`session.ended`) first.
 */
@Injectable()
export class LiveSessions implements OnModuleDestroy {
  private readonly logger = new Logger(LiveSessions.name);
  private timer?: NodeJS.Timeout;
  private checking?: Promise<unknown>;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly outages: DependencyOutages,
  ) {}

  /** The socket's data once its token checked out (the handshake middleware). */
  async admit(user: AuthUser): Promise<LiveSocketData> {
    const states = await this.users.sessionStates([user.id]);
    const fingerprint = states.get(user.id);
    if (fingerprint === undefined) throw new Error('user vanished during the handshake');
    return { user, fingerprint };
  }

  /** Ends the socket when its token expires. */
  watchExpiry(socket: Socket, expiresAt: number | null): void {
    if (expiresAt === null) return;
    const data = socket.data as LiveSocketData;
    const arm = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) return this.end(socket, 'expired');
      data.expiryTimer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      data.expiryTimer.unref();
    };
    arm();
    socket.once('disconnect', () => clearTimeout(data.expiryTimer));
  }

  start(namespace: Namespace): void {
    this.timer = setInterval(() => {
      if (this.checking) return;
      this.checking = this.revalidate(namespace)
        .catch((error: unknown) => {
          // Sockets stay during an outage: nothing says their rights changed.
          const dependency = unavailableDependency(error);
          if (dependency) this.outages.report(dependency, error);
          else this.logger.warn(`live session check failed: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => (this.checking = undefined));
    }, this.config.liveRevalidateMs);
    this.timer.unref();
  }

  async revalidate(namespace: Namespace): Promise<number> {
    const sockets = [...namespace.sockets.values()].filter((s) => (s.data as Partial<LiveSocketData>).user);
    if (sockets.length === 0) return 0;
    const states = await this.users.sessionStates([...new Set(sockets.map((s) => (s.data as LiveSocketData).user.id))]);
    let ended = 0;
    for (const socket of sockets) {
      const data = socket.data as LiveSocketData;
      const now = states.get(data.user.id);
      if (now === data.fingerprint) continue;
      this.end(socket, now === undefined ? 'deleted' : 'changed');
      ended += 1;
    }
    return ended;
  }

  private end(socket: Socket, reason: SessionEndReason): void {
    const event: SessionEndedEvent = { reason };
    socket.emit(LIVE_EVENTS.sessionEnded, event);
    socket.disconnect(true);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }
}
