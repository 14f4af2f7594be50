/**
 * @typedef {{ type: 'string' | 'number' | 'boolean' | 'enum', values?: string[], default?: unknown, required?: boolean }} VarSpec
 */

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/**
 * Reads typed settings from environment variables.
 *
 * @param {Record<string, VarSpec>} schema
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, unknown>}
 * @throws {Error} "Invalid config: ..." listing every problem
 */
export function loadConfig(schema, env) {
  const config = {};
  const problems = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = Object.hasOwn(env, name) && typeof env[name] === 'string' ? env[name].trim() : '';
    if (raw === '') {
      if (Object.hasOwn(spec, 'default')) config[name] = spec.default;
      else if (spec.required) { problems.push(`${name} is required`); config[name] = undefined; }
      else config[name] = undefined;
      continue;
    }
    switch (spec.type) {
      case 'number':
        if (/^-?\d+(\.\d+)?$/.test(raw)) config[name] = Number(raw);
        else problems.push(`${name} must be a number`);
        break;
      case 'boolean': {
        const lower = raw.toLowerCase();
        if (TRUE.includes(lower)) config[name] = true;
        else if (FALSE.includes(lower)) config[name] = false;
        else problems.push(`${name} must be a boolean`);
        break;
      }
      case 'enum':
        if (spec.values.includes(raw)) config[name] = raw;
        else problems.push(`${name} must be one of ${spec.values.join(', ')}`);
        break;
      default:
        config[name] = raw;
    }
  }
  if (problems.length > 0) throw new Error(`Invalid config: ${problems.join('; ')}`);
  return config;
}
