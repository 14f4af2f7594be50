// Small helpers shared by scripts/start.mjs and its parts: logging, process checks, port checks.
import fs from 'node:fs';
import net from 'node:net';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
export const dim = paint('2');
export const bold = paint('1');
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');
export const cyan = paint('36');
export const magenta = paint('35');

/** One line from the launcher itself. */
export function say(message) {
  process.stdout.write(`${cyan('[start]')} ${message}\n`);
}
export function warn(message) {
  process.stderr.write(`${yellow('[start]')} ${message}\n`);
}
export function fail(message) {
  process.stderr.write(`${red('[start]')} ${message}\n`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** /proc/<pid>/stat as { state, pgrp }, or null (gone, or no /proc). */
function procStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

/** True when a process with this pid exists and is not a zombie (EPERM also means it exists). */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  // An orphan that exited stays a zombie until init reaps it, which some container inits never do.
  return procStat(pid)?.state !== 'Z';
}

/** Live (non-zombie) members of a process group. */
export function groupMembers(pgid) {
  if (!fs.existsSync('/proc/self/stat')) return signal(-pgid, 0) ? [pgid] : [];
  const members = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat && stat.pgrp === pgid && stat.state !== 'Z') members.push(Number(name));
  }
  return members;
}

/** The command line of a running process ('' if unknown): used so we never signal a reused pid. */
export function cmdlineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Signal a pid (or a process group with a negative pid), ignoring "no such process". */
export function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Wait until `pid` is gone; returns false on timeout. */
export async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Resolves to null when 127.0.0.1:port can be bound, otherwise to the error code (EADDRINUSE ...). */
export function portProblem(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err) => resolve(err.code ?? String(err)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/** Keeps the last `size` lines a child printed, for error messages. */
export class Tail {
  constructor(size = 30) {
    this.size = size;
    this.lines = [];
  }
  push(line) {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }
  toString() {
    return this.lines.map((line) => `    ${line}`).join('\n');
  }
}

/** Last `count` lines of a text file ('' if it cannot be read). */
export function tailFile(file, count = 20) {
  try {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return lines
      .slice(-count)
      .map((line) => `    ${line}`)
      .join('\n');
  } catch {
    return '';
  }
}
