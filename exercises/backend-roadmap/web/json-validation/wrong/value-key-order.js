// Plausible mistake: walks the value's own keys (value order, not schema order) and
// reports missing required properties last.
function hasType(type, v) {
  if (type === 'number') return typeof v === 'number' && Number.isFinite(v);
  if (type === 'integer') return Number.isInteger(v);
  if (type === 'array') return Array.isArray(v);
  if (type === 'null') return v === null;
  if (type === 'object') return typeof v === 'object' && v !== null && !Array.isArray(v);
  return typeof v === type;
}
function check(schema, value, path, errors) {
  if (schema.type && !hasType(schema.type, value)) { errors.push(`${path}: expected ${schema.type}`); return; }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: must be one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: must be at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path}: must be at most ${schema.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (schema.min !== undefined && value < schema.min) errors.push(`${path}: must be >= ${schema.min}`);
    if (schema.max !== undefined && value > schema.max) errors.push(`${path}: must be <= ${schema.max}`);
  }
  if (hasType('object', value)) {
    for (const [name, v] of Object.entries(value)) {
      if (schema.properties && Object.hasOwn(schema.properties, name)) { if (v !== undefined) check(schema.properties[name], v, `${path}.${name}`, errors); }
      else if (schema.properties) errors.push(`${path}.${name}: unknown property`);
    }
    for (const name of schema.required ?? []) if (value[name] === undefined) errors.push(`${path}.${name}: is required`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => check(schema.items, v, `${path}[${i}]`, errors));
}
export function validate(schema, value) {
  const errors = [];
  check(schema, value, '$', errors);
  return errors;
}
