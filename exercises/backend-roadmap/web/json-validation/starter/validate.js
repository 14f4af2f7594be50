/**
 * @typedef {object} Schema
 * @property {'string'|'number'|'integer'|'boolean'|'object'|'array'|'null'} [type]
 * @property {number} [minLength]
 * @property {number} [maxLength]
 * @property {number} [min]
 * @property {number} [max]
 * @property {unknown[]} [enum]
 * @property {string[]} [required]
 * @property {Record<string, Schema>} [properties]
 * @property {Schema} [items]
 */

/**
 * Validates a parsed JSON value against a schema.
 *
 * @param {Schema} schema
 * @param {unknown} value
 * @returns {string[]} every problem as "<path>: <message>"; [] when valid
 */
export function validate(schema, value) {
  throw new Error('Remove this line and implement the function');
}
