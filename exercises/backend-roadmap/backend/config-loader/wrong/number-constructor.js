// Plausible mistake: uses Number(raw) and isNaN, which accepts '1e3', '0x10' and '.5',
// and stops at the first problem instead of reporting all of them.
export function loadConfig(schema, env) {
  const config = {};
  for (const [name, spec] of Object.entries(schema)) {
    const raw = (env[name] ?? '').trim();
    if (raw === '') {
      if ('default' in spec) config[name] = spec.default;
      else if (spec.required) throw new Error(`Invalid config: ${name} is required`);
      else config[name] = undefined;
      continue;
    }
    if (spec.type === 'number') {
      if (Number.isNaN(Number(raw))) throw new Error(`Invalid config: ${name} must be a number`);
      config[name] = Number(raw);
    } else if (spec.type === 'boolean') {
      const l = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(l)) config[name] = true;
      else if (['false', '0', 'no', 'off'].includes(l)) config[name] = false;
      else throw new Error(`Invalid config: ${name} must be a boolean`);
    } else if (spec.type === 'enum') {
      if (!spec.values.includes(raw)) throw new Error(`Invalid config: ${name} must be one of ${spec.values.join(', ')}`);
      config[name] = raw;
    } else config[name] = raw;
  }
  return config;
}
