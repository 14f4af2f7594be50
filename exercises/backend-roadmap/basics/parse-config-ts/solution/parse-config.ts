export interface Config {
  host: string;
  port: number;
}

export type LoadResult = { ok: true; config: Config } | { ok: false; error: string; field?: string };

/** An error about one invalid setting. */
export class ValidationError extends Error {
  readonly field: string;

  constructor(message: string, field: string) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

/** Parses a TCP port (a number or a string of digits, 1..65535); throws a ValidationError otherwise. */
export function parsePort(value: unknown): number {
  let port = NaN;
  if (typeof value === 'number') port = value;
  else if (typeof value === 'string' && /^[0-9]+$/.test(value)) port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ValidationError('port must be an integer between 1 and 65535', 'port');
  }
  return port;
}

/** Parses the JSON settings; never throws for bad input. */
export function loadConfig(jsonText: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    return { ok: false, error: 'invalid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'config must be an object' };
  }
  const settings = raw as { host?: unknown; port?: unknown };
  try {
    const host = settings.host === undefined ? 'localhost' : settings.host;
    if (typeof host !== 'string' || host === '') {
      throw new ValidationError('host must be a non-empty string', 'host');
    }
    const port = settings.port === undefined ? 3000 : parsePort(settings.port);
    return { ok: true, config: { host, port } };
  } catch (err: unknown) {
    if (err instanceof ValidationError) return { ok: false, error: err.message, field: err.field };
    throw err;
  }
}
