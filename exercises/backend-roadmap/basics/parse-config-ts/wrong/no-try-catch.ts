// Mistake: lets JSON.parse and parsePort throw out of loadConfig instead of returning { ok: false }.
export interface Config {
  host: string;
  port: number;
}

export type LoadResult = { ok: true; config: Config } | { ok: false; error: string; field?: string };

export class ValidationError extends Error {
  readonly field: string;

  constructor(message: string, field: string) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

export function parsePort(value: unknown): number {
  let port = NaN;
  if (typeof value === 'number') port = value;
  else if (typeof value === 'string' && /^[0-9]+$/.test(value)) port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ValidationError('port must be an integer between 1 and 65535', 'port');
  }
  return port;
}

export function loadConfig(jsonText: string): LoadResult {
  const raw = JSON.parse(jsonText);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'config must be an object' };
  }
  const host = raw.host === undefined ? 'localhost' : raw.host;
  if (typeof host !== 'string' || host === '') {
    return { ok: false, error: 'host must be a non-empty string', field: 'host' };
  }
  const port = raw.port === undefined ? 3000 : parsePort(raw.port);
  return { ok: true, config: { host, port } };
}
