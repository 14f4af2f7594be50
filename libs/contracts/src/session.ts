// The server ending a live socket's session (LIVE_EVENTS.sessionEnded): sent just before it disconnects
// the socket.

/**
 * expired: the token's lifetime is over (sign in again). deleted: the account is gone. changed: the
 * account's role or password changed since the socket connected (reconnect: the token decides again).
 */
export type SessionEndReason = 'expired' | 'deleted' | 'changed';

export interface SessionEndedEvent {
  reason: SessionEndReason;
}
