// A small, bounded stand-in for Node's util.inspect, used for console output inside the isolate.
// Learner values may be hostile (throwing getters, proxies, cycles): every read is guarded, depth and
// width are capped, and anything that throws prints as a placeholder. Loops in getters are bounded
// by the isolate's timeout like any other learner code.

const MAX_DEPTH = 3;
const MAX_ENTRIES = 50;
const MAX_STRING = 10_000;

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function safeKeys(value: object): string[] {
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

function safeGet(value: object, key: PropertyKey): unknown {
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return '[Getter threw]';
  }
}

function inspectValue(value: unknown, depth: number, seen: unknown[]): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : quote(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function': {
      const name = safeGet(value, 'name');
      return `[Function: ${typeof name === 'string' && name ? name : '(anonymous)'}]`;
    }
    case 'object':
      break; // null and objects: below
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.includes(object)) return '[Circular]';
  if (object instanceof Error) {
    const name = safeGet(object, 'name');
    const message = safeGet(object, 'message');
    return `${String(typeof name === 'string' ? name : 'Error')}: ${String(typeof message === 'string' ? message : '')}`;
  }
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[Array]' : '[Object]';
  seen.push(object);
  try {
    if (Array.isArray(object)) {
      const length = object.length;
      const items: string[] = [];
      for (let i = 0; i < length && i < MAX_ENTRIES; i++) items.push(inspectValue(safeGet(object, i), depth + 1, seen));
      if (length > MAX_ENTRIES) items.push(`... ${length - MAX_ENTRIES} more items`);
      return `[ ${items.join(', ')} ]`.replace('[  ]', '[]');
    }
    if (object instanceof Map || object instanceof Set) {
      const kind = object instanceof Map ? 'Map' : 'Set';
      const items: string[] = [];
      for (const entry of object) {
        if (items.length >= MAX_ENTRIES) break;
        items.push(
          Array.isArray(entry) && kind === 'Map'
            ? `${inspectValue(entry[0], depth + 1, seen)} => ${inspectValue(entry[1], depth + 1, seen)}`
            : inspectValue(entry, depth + 1, seen),
        );
      }
      return `${kind}(${object.size}) { ${items.join(', ')} }`;
    }
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
    if (object instanceof RegExp) return String(object);
    const keys = safeKeys(object);
    const items: string[] = [];
    for (const key of keys) {
      if (items.length >= MAX_ENTRIES) {
        items.push('...');
        break;
      }
      const printedKey = /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
      items.push(`${printedKey}: ${inspectValue(safeGet(object, key), depth + 1, seen)}`);
    }
    return items.length === 0 ? '{}' : `{ ${items.join(', ')} }`;
  } finally {
    seen.pop();
  }
}

/** Formats console arguments the way Node joins them: strings raw, everything else inspected. */
export function formatLogArguments(args: unknown[]): string {
  const parts: string[] = [];
  for (const arg of args) {
    try {
      parts.push(inspectValue(arg, 0, []));
    } catch {
      parts.push('[unprintable]');
    }
  }
  return parts.join(' ');
}
