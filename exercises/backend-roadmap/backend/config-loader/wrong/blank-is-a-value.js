// Plausible mistake: only checks for undefined, so an empty or blank variable is used as a value
// instead of falling back to the default.
export function loadConfig(schema, env) {
  const config = {};
  const problems = [];
  for (const [name, spec] of Object.entries(schema)) {
    if (env[name] === undefined) {
      if ('default' in spec) config[name] = spec.default;
      else if (spec.required) problems.push(`${name} is required`);
      else config[name] = undefined;
      continue;
    }
    const raw = env[name].trim();
    if (spec.type === 'number') {
      if (/^-?\d+(\.\d+)?$/.test(raw)) config[name] = Number(raw); else problems.push(`${name} must be a number`);
    } else if (spec.type === 'boolean') {
      const l = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(l)) config[name] = true;
      else if (['false', '0', 'no', 'off'].includes(l)) config[name] = false;
      else problems.push(`${name} must be a boolean`);
    } else if (spec.type === 'enum') {
      if (spec.values.includes(raw)) config[name] = raw; else problems.push(`${name} must be one of ${spec.values.join(', ')}`);
    } else config[name] = raw;
  }
  if (problems.length) throw new Error(`Invalid config: ${problems.join('; ')}`);
  return config;
}
