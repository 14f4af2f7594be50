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

function hasType(type, value) {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    default: return false;
  }
}

function check(schema, value, path, errors) {
  if (schema.type !== undefined && !hasType(schema.type, value)) {
    errors.push(`${path}: expected ${schema.type}`);
    return;
  }
  if (schema.enum !== undefined && !schema.enum.some((v) => v === value)) {
    errors.push(`${path}: must be one of ${schema.enum.join(', ')}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: must be at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path}: must be at most ${schema.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (schema.min !== undefined && value < schema.min) errors.push(`${path}: must be >= ${schema.min}`);
    if (schema.max !== undefined && value > schema.max) errors.push(`${path}: must be <= ${schema.max}`);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(value, name) || value[name] === undefined) errors.push(`${path}.${name}: is required`);
    }
    if (schema.properties) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        if (Object.hasOwn(value, name) && value[name] !== undefined) check(sub, value[name], `${path}.${name}`, errors);
      }
      for (const name of Object.keys(value)) {
        if (!Object.hasOwn(schema.properties, name)) errors.push(`${path}.${name}: unknown property`);
      }
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => check(schema.items, item, `${path}[${i}]`, errors));
  }
}

/**
 * Validates a parsed JSON value against a schema.
 *
 * @param {Schema} schema
 * @param {unknown} value
 * @returns {string[]} every problem as "<path>: <message>"; [] when valid
 */
export function validate(schema, value) {
  const errors = [];
  check(schema, value, '$', errors);
  return errors;
}
