import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { LIVE_EVENTS, LIVE_NAMESPACE, type ReadyEvent } from '@questline/contracts';
import { TokenService } from '../auth/token.service';
import { UNAVAILABLE } from '../common/errors/all-exceptions.filter';
import { unavailableDependency } from '../common/errors/dependency';
import { DomainError } from '../common/errors/domain-error';
import { DependencyOutages } from '../common/errors/outage-log';
import { LiveEvents, userRoom } from './live-events.service';
import { LiveSessions, type LiveSocketData } from './live-sessions';

export type { LiveSocketData } from './live-sessions';

/**
 * socket.io namespace /live. Clients connect with `io(url + '/live', { auth: { token } })`.
 * The token is checked in a namespace middleware, so a bad or missing one is refused during the
 * handshake (the client gets `connect_error` with the message) and never reaches a handler.
 * Each accepted socket joins `user:<id>`; LiveEvents.emitToUser targets that room.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly events: LiveEvents,
    private readonly outages: DependencyOutages,
    private readonly sessions: LiveSessions,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const auth: unknown = socket.handshake.auth;
      const token = typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string' ? auth.token : undefined;
      this.tokens
        .authenticateSession(token)
        .then(async ({ user, expiresAt }) => {
          socket.data = await this.sessions.admit(user);
          this.sessions.watchExpiry(socket, expiresAt);
          next();
        })
        .catch((error: unknown) => next(this.refusal(error)));
    });
    this.events.attach(namespace);
    this.sessions.start(namespace);
  }

  /**
   * The handshake's `connect_error`: its message, and `data.code` so a client can tell an outage (retry)
   * from a bad token (sign in again).
   */
  private refusal(error: unknown): Error & { data?: { code: string } } {
    const dependency = unavailableDependency(error);
    const refusal: Error & { data?: { code: string } } = new Error('Authentication failed');
    if (dependency) {
      this.outages.report(dependency, error);
      refusal.message = UNAVAILABLE[dependency].message;
      refusal.data = { code: UNAVAILABLE[dependency].code };
    } else if (error instanceof DomainError) {
      refusal.message = error.message;
      refusal.data = { code: error.code };
    } else {
      this.logger.error(error instanceof Error ? error.stack : String(error));
    }
    return refusal;
  }

  async handleConnection(socket: Socket): Promise<void> {
    const data = socket.data as Partial<LiveSocketData>;
    if (!data.user) {
      socket.disconnect(true);
      return;
    }
    await socket.join(userRoom(data.user.id));
    const ready: ReadyEvent = { userId: data.user.id };
    socket.emit(LIVE_EVENTS.ready, ready);
  }
}
