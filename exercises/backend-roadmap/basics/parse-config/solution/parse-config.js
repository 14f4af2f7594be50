/** An error about one invalid setting. */
export class ValidationError extends Error {
  /**
   * @param {string} message what is wrong
   * @param {string} field which setting is wrong
   */
  constructor(message, field) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

/**
 * Parses a TCP port.
 *
 * @param {unknown} value a number or a string of digits
 * @returns {number} the port, 1..65535
 * @throws {ValidationError} when the value is not a valid port
 */
export function parsePort(value) {
  let port = NaN;
  if (typeof value === 'number') port = value;
  else if (typeof value === 'string' && /^[0-9]+$/.test(value)) port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ValidationError('port must be an integer between 1 and 65535', 'port');
  }
  return port;
}

/**
 * Parses the JSON settings; never throws for bad input.
 *
 * @param {string} jsonText the content of the settings file
 * @returns {{ ok: true, config: { host: string, port: number } } | { ok: false, error: string, field?: string }}
 */
export function loadConfig(jsonText) {
  let raw;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    return { ok: false, error: 'invalid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'config must be an object' };
  }
  try {
    const host = raw.host === undefined ? 'localhost' : raw.host;
    if (typeof host !== 'string' || host === '') {
      throw new ValidationError('host must be a non-empty string', 'host');
    }
    const port = raw.port === undefined ? 3000 : parsePort(raw.port);
    return { ok: true, config: { host, port } };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, error: err.message, field: err.field };
    throw err;
  }
}
