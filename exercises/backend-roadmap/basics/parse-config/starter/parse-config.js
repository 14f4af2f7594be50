/** An error about one invalid setting. */
export class ValidationError extends Error {
  /**
   * @param {string} message what is wrong
   * @param {string} field which setting is wrong
   */
  constructor(message, field) {
    super(message);
    throw new Error('Remove this line and implement the constructor');
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
  throw new Error('Remove this line and implement the function');
}

/**
 * Parses the JSON settings; never throws for bad input.
 *
 * @param {string} jsonText the content of the settings file
 * @returns {{ ok: true, config: { host: string, port: number } } | { ok: false, error: string, field?: string }}
 */
export function loadConfig(jsonText) {
  throw new Error('Remove this line and implement the function');
}
