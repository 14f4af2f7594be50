// Compact terminal rendering of the apps' pino JSON lines: `[api] 12:01:02 INFO  message (context)`.
// QUESTLINE_LOG_FORMAT=json prints the raw lines (still prefixed).
import { cyan, dim, magenta, red, yellow } from './util.mjs';

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const PREFIX_COLOR = { api: cyan, worker: magenta };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'message', 'context', 'err', 'error', 'req', 'res', 'responseTime']);

function levelText(level) {
  const text = LEVELS[level] ?? String(level).toUpperCase().padEnd(5);
  if (level >= 50) return red(text);
  if (level >= 40) return yellow(text);
  return level <= 20 ? dim(text) : text;
}

function extras(entry) {
  const parts = [];
  for (const [key, value] of Object.entries(entry)) {
    if (HIDDEN.has(key) || value === undefined) continue;
    const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    parts.push(`${key}=${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`);
  }
  return parts.length ? ` ${dim(parts.join(' '))}` : '';
}

export function formatLogLine(name, line) {
  const prefix = (PREFIX_COLOR[name] ?? cyan)(`[${name}]`);
  if (process.env.QUESTLINE_LOG_FORMAT === 'json' || !line.startsWith('{')) return `${prefix} ${line}`;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${prefix} ${line}`;
  }
  if (typeof entry !== 'object' || entry === null) return `${prefix} ${line}`;
  const time = new Date(typeof entry.time === 'number' || typeof entry.time === 'string' ? entry.time : Date.now());
  const clock = Number.isNaN(time.getTime()) ? '' : `${time.toTimeString().slice(0, 8)} `;
  let message = entry.msg ?? entry.message ?? '';
  if (entry.req && entry.res) {
    message = `${entry.req.method} ${entry.req.url} ${entry.res.statusCode}${entry.responseTime !== undefined ? ` ${entry.responseTime}ms` : ''}${message && message !== 'request completed' ? ` ${message}` : ''}`;
  }
  const context = entry.context ? dim(` (${entry.context})`) : '';
  const error = entry.err ?? entry.error;
  const errorText = error ? `\n${error.stack ?? error.message ?? JSON.stringify(error)}`.replace(/\n/g, `\n${prefix}   `) : '';
  return `${prefix} ${dim(clock)}${levelText(entry.level)} ${message}${context}${extras(entry)}${errorText}`;
}
