/**
 * @typedef {{ type: 'string' | 'number' | 'boolean' | 'enum', values?: string[], default?: unknown, required?: boolean }} VarSpec
 */

/**
 * Reads typed settings from environment variables.
 *
 * @param {Record<string, VarSpec>} schema
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, unknown>}
 * @throws {Error} "Invalid config: ..." listing every problem
 */
export function loadConfig(schema, env) {
  throw new Error('Remove this line and implement the function');
}
