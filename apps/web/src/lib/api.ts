// The API client: same-origin JSON with the bearer token from localStorage.
import type { Draft, Goals, Workspace } from '@questline/contracts';
import { createStore } from './store';
import type {
  AuthResponse,
  CourseDetail,
  CourseSummary,
  ExerciseView,
  HintRevealView,
  Leaderboard,
  LeaderboardPeriodName,
  LearnerProgress,
  PackCheckView,
  PackMistakes,
  PackStats,
  PackSummary,
  Page,
  PublishedPack,
  SolutionRevealView,
  SubmissionAccepted,
  SubmissionView,
  UserView,
} from '@questline/contracts';

/** The period names the web app uses in URLs and subscriptions (the server answers `all` as `all-time`). */
export type Period = Exclude<LeaderboardPeriodName, 'all-time'>;

const TOKEN_KEY = 'questline.token';

export interface Session {
  token: string | null;
  user: UserView | null;
}

export const session = createStore<Session>({ token: localStorage.getItem(TOKEN_KEY), user: null });

export function setSession(token: string | null, user: UserView | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
  session.set({ token, user });
}

/** An error response of the API: `{statusCode, error, message}` with message a string or a list. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function messageOf(body: unknown, status: number): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.map(String).join('\n');
    if (typeof message === 'string' && message) return message;
  }
  if (status === 0) return 'Cannot reach the server. Check your connection.';
  return `Request failed (${status})`;
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = session.get().token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, messageOf(null, 0), null);
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && token && !url.startsWith('/api/auth/')) setSession(null, null);
    throw new ApiError(response.status, messageOf(data, response.status), data);
  }
  return data as T;
}

const q = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : '';
};

const browserTimezone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

export const api = {
  register: (email: string, password: string, displayName: string) =>
    request<AuthResponse>('POST', '/api/auth/register', { email, password, displayName, timezone: browserTimezone() }),
  login: (email: string, password: string) => request<AuthResponse>('POST', '/api/auth/login', { email, password }),
  me: () => request<UserView>('GET', '/api/me'),
  courses: () => request<CourseSummary[]>('GET', '/api/courses'),
  course: (slug: string) => request<CourseDetail>('GET', `/api/courses/${encodeURIComponent(slug)}`),
  exercise: (id: string) => request<ExerciseView>('GET', `/api/exercises/${encodeURIComponent(id)}`),
  run: (id: string, code: string) => request<SubmissionAccepted>('POST', `/api/exercises/${encodeURIComponent(id)}/runs`, { code }),
  submit: (id: string, code: string) =>
    request<SubmissionAccepted>('POST', `/api/exercises/${encodeURIComponent(id)}/submissions`, { code }),
  submission: (id: string) => request<SubmissionView>('GET', `/api/submissions/${encodeURIComponent(id)}`),
  exerciseSubmissions: (id: string, page = 1) =>
    request<Page<SubmissionView>>('GET', `/api/exercises/${encodeURIComponent(id)}/submissions${q({ page })}`),
  mySubmissions: (page = 1) => request<Page<SubmissionView>>('GET', `/api/me/submissions${q({ page })}`),
  progress: () => request<LearnerProgress>('GET', '/api/me/progress'),
  workspace: (id: string) => request<Workspace>('GET', `/api/exercises/${encodeURIComponent(id)}/workspace`),
  saveDraft: (id: string, code: string, tabId: string) =>
    request<Draft>('PUT', `/api/exercises/${encodeURIComponent(id)}/draft`, { code, tabId }),
  goals: () => request<Goals>('GET', '/api/me/goals'),
  leaderboard: (period: Period, course?: string) => request<Leaderboard>('GET', `/api/leaderboards${q({ period, course })}`),
  hint: (id: string) => request<HintRevealView>('POST', `/api/exercises/${encodeURIComponent(id)}/hints`),
  solution: (id: string) => request<SolutionRevealView>('POST', `/api/exercises/${encodeURIComponent(id)}/solution`),
  uploadPack: (file: File) => {
    const form = new FormData();
    form.append('pack', file, file.name);
    // 201 with the published pack, or 202 with the publish check to follow (packCheck).
    return request<PublishedPack | PackCheckView>('POST', '/api/packs', form);
  },
  packCheck: (id: string) => request<PackCheckView>('GET', `/api/packs/checks/${encodeURIComponent(id)}`),
  cancelPackCheck: (id: string) => request<PackCheckView>('POST', `/api/packs/checks/${encodeURIComponent(id)}/cancel`),
  myPacks: () => request<PackSummary[]>('GET', '/api/packs/mine'),
  packStats: (slug: string) => request<PackStats>('GET', `/api/packs/${encodeURIComponent(slug)}/stats`),
  packMistakes: (slug: string) => request<PackMistakes>('GET', `/api/packs/${encodeURIComponent(slug)}/mistakes`),
  saveMistakeNote: (slug: string, exercise: string, signature: string, note: string) =>
    request<null>(
      'PUT',
      `/api/packs/${encodeURIComponent(slug)}/mistakes/${encodeURIComponent(exercise)}/${encodeURIComponent(signature)}/note`,
      { note },
    ),
};
