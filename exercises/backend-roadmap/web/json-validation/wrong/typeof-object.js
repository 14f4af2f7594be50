// Plausible mistake: uses typeof for every type, so null and arrays pass as 'object'
// and NaN passes as a number.
function check(schema, value, path, errors) {
  const t = schema.type;
  const ok = t === undefined || (t === 'integer' ? Number.isInteger(value) : t === 'array' ? Array.isArray(value) : t === 'null' ? value === null : typeof value === t);
  if (!ok) { errors.push(`${path}: expected ${t}`); return; }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: must be one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: must be at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path}: must be at most ${schema.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (schema.min !== undefined && value < schema.min) errors.push(`${path}: must be >= ${schema.min}`);
    if (schema.max !== undefined && value > schema.max) errors.push(`${path}: must be <= ${schema.max}`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const name of schema.required ?? []) if (value[name] === undefined) errors.push(`${path}.${name}: is required`);
    if (schema.properties) {
      for (const [name, sub] of Object.entries(schema.properties)) if (value[name] !== undefined) check(sub, value[name], `${path}.${name}`, errors);
      for (const name of Object.keys(value)) if (!(name in schema.properties)) errors.push(`${path}.${name}: unknown property`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => check(schema.items, v, `${path}[${i}]`, errors));
}
export function validate(schema, value) {
  const errors = [];
  check(schema, value, '$', errors);
  return errors;
}
