import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';

export const userRoom = (userId: string): string => `user:${userId}`;

/**
 * The one path for pushing events to learners. Features inject this, never the gateway.
 * Single-process today; for several api processes, attach a socket.io adapter (Redis/Postgres) to
 * the namespace in LiveGateway.afterInit and this code stays as it is.
 */
@Injectable()
export class LiveEvents {
  private readonly logger = new Logger(LiveEvents.name);
  private namespace?: Namespace;

  /** Called by LiveGateway once the namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  emitToUser(userId: string, event: string, payload: unknown): void {
    if (!this.namespace) {
      this.logger.warn(`live namespace not ready; dropped "${event}" for a user`);
      return;
    }
    this.namespace.to(userRoom(userId)).emit(event, payload);
  }
}
