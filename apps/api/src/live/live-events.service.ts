import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { LiveEventMap, LiveEventName } from '@questline/contracts';

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

  /** Whether any socket of the user is connected to this process. */
  hasSockets(userId: string): boolean {
    return (this.namespace?.adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;
  }

  /** Typed against the contract's event map: a name and its payload cannot drift apart. */
  emitToUser<E extends LiveEventName>(userId: string, event: E, payload: LiveEventMap[E]): void {
    if (!this.namespace) {
      this.logger.warn(`live namespace not ready; dropped "${event}" for a user`);
      return;
    }
    this.namespace.to(userRoom(userId)).emit(event, payload);
  }

  /** To every signed-in socket on this process (community events such as the boss bar). */
  emitToAll<E extends LiveEventName>(event: E, payload: LiveEventMap[E]): void {
    if (!this.namespace) return;
    this.namespace.emit(event, payload);
  }
}
