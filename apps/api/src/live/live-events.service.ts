import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';

export const userRoom = (userId: string): string => `user:${userId}`;

/**
 * The one path for pushing events to learners. Features inject this, never the gateway.
 * It reaches the user's sockets on THIS api process only (socket.io's default in-memory adapter, no
 * cross-process adapter): events that start in the worker reach every api process through BullMQ's
 * QueueEvents stream, and each process's LiveRelay (submissions/live-relay.service.ts) calls this.
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

  /** To every signed-in socket on this process (community events such as the boss bar). */
  emitToAll(event: string, payload: unknown): void {
    if (!this.namespace) return;
    this.namespace.emit(event, payload);
  }
}
