// Mistake: parseInt accepts '80abc' and 8080.5, and a plain Error loses the name and field.
export class ValidationError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

export function parsePort(value) {
  const port = parseInt(value, 10);
  if (Number.isNaN(port) || port < 1 || port > 65535) {
    throw new ValidationError('port must be an integer between 1 and 65535', 'port');
  }
  return port;
}

export function loadConfig(jsonText) {
  try {
    const raw = JSON.parse(jsonText);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, error: 'config must be an object' };
    }
    const host = raw.host ?? 'localhost';
    if (typeof host !== 'string' || host === '') {
      throw new ValidationError('host must be a non-empty string', 'host');
    }
    return { ok: true, config: { host, port: raw.port === undefined ? 3000 : parsePort(raw.port) } };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, error: err.message, field: err.field };
    return { ok: false, error: 'invalid JSON' };
  }
}
