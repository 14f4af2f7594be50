// Accounts: the public profile and the answer of register / login.

export type Role = 'learner' | 'instructor' | 'admin';

/** GET /api/me. Built field by field on the server so no new column leaks by accident. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  /** IANA time zone (streak days are the learner's local days). */
  timezone: string;
  role: Role;
  createdAt: string;
}

/** POST /api/auth/register and /login. */
export interface AuthResponse {
  /** JWT; send as `Authorization: Bearer <token>` and as socket.io `auth.token`. */
  accessToken: string;
  user: UserView;
}
