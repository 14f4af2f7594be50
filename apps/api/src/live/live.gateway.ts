import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { LIVE_EVENTS, LIVE_NAMESPACE, type ReadyEvent } from '@questline/contracts';
import { TokenService } from '../auth/token.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { LiveEvents, userRoom } from './live-events.service';

export interface LiveSocketData {
  user: AuthUser;
}

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
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const auth: unknown = socket.handshake.auth;
      const token = typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string' ? auth.token : undefined;
      this.tokens
        .authenticate(token)
        .then((user) => {
          const data: LiveSocketData = { user };
          socket.data = data;
          next();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DomainError)) this.logger.error(error instanceof Error ? error.stack : String(error));
          next(new Error(error instanceof DomainError ? error.message : 'Authentication failed'));
        });
    });
    this.events.attach(namespace);
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
