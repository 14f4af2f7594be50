// `questline pack publish <dir> --api <url> --token <token>`: validate and grade the pack locally
// (the same checks the server runs, so an author finds problems without a round trip), then upload
// it as a .tar.gz to POST /api/packs with a progress bar.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Command } from 'commander';
import * as tar from 'tar';
import { consoleOutput, paint, type Output } from '../output';
import { runPackTest } from '../pack-test';
import { runPackValidate } from '../pack-validate';
import { commandGroup } from './group';

export interface PublishOptions {
  api: string;
  token: string;
  out: Output;
  /** Skip `pack test` (the server grades anyway); validation always runs. */
  skipTests?: boolean;
  /** Where the progress bar goes (default: stderr when it is a terminal). */
  progress?: (sent: number, total: number) => void;
  /** How often to look at a check the server is still running (202). Default 1000 ms. */
  pollMs?: number;
}

export interface PublishOutcome {
  ok: boolean;
  status?: number;
  body?: unknown;
}

/** Files that never belong in an upload. */
const SKIP = new Set(['.git', 'node_modules', '.DS_Store']);

export async function packArchive(dir: string): Promise<Buffer> {
  const entries = fs.readdirSync(dir).filter((name) => !SKIP.has(name));
  const chunks: Buffer[] = [];
  const stream = tar.create({ gzip: true, cwd: dir, portable: true, filter: (p) => !p.split('/').some((part) => SKIP.has(part)) }, entries);
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function terminalProgress(sent: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const share = total === 0 ? 1 : sent / total;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '-');
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
  process.stderr.write(`\r[${bar}] ${Math.round(share * 100)}% ${mb(sent)}/${mb(total)} MB${sent >= total ? '\n' : ''}`);
}

/** Multipart POST written in chunks, so the progress bar moves with the bytes actually sent. */
function upload(
  url: URL,
  token: string,
  archive: Buffer,
  progress: (sent: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  const boundary = `----questline${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="pack"; filename="pack.tar.gz"\r\nContent-Type: application/gzip\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + archive.length + tail.length;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': total },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text for the message
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    let sent = 0;
    const send = (chunk: Buffer) => {
      sent += chunk.length;
      req.write(chunk);
      progress(sent, total);
    };
    send(head);
    for (let offset = 0; offset < archive.length; offset += 64 * 1024) send(archive.subarray(offset, offset + 64 * 1024));
    send(tail);
    req.end();
  });
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && key in body ? (body as Record<string, unknown>)[key] : undefined;
}

export async function runPackPublish(dir: string, options: PublishOptions): Promise<PublishOutcome> {
  const { out } = options;
  const root = path.resolve(dir);
  out.log(paint(out, 'bold', `Validating ${dir}`));
  if (runPackValidate(root, { out }).issues.length > 0) {
    out.error('Not uploaded: fix the problems above first.');
    return { ok: false };
  }
  if (!options.skipTests) {
    out.log(paint(out, 'bold', 'Grading every exercise locally'));
    const summary = await runPackTest(root, { out });
    if (summary.failed > 0 || summary.exercises.length === 0) {
      out.error('Not uploaded: the server would refuse this pack (see above).');
      return { ok: false };
    }
  }
  const archive = await packArchive(root);
  const url = new URL('/api/packs', options.api);
  out.log(paint(out, 'bold', `Uploading ${(archive.length / 1024).toFixed(1)} KB to ${url.origin}`));
  const { status, body } = await upload(url, options.token, archive, options.progress ?? terminalProgress);

  if (status === 202) return followCheck(body, options);
  return finish(status, body, out);
}

/** The publish outcome from a synchronous answer (201, 4xx) or a finished check's view. */
function finish(status: number, body: unknown, out: Output): PublishOutcome {
  if (status === 201) {
    out.log(
      paint(
        out,
        'green',
        `Published ${String(field(body, 'slug'))} ${String(field(body, 'version'))} (${String(field(body, 'exerciseCount'))} exercises)`,
      ),
    );
    return { ok: true, status, body };
  }
  out.error(paint(out, 'red', `Refused (${status}): ${String(field(body, 'message') ?? body)}`));
  const report = field(body, 'report');
  if (Array.isArray(report)) {
    for (const entry of report) {
      const where = [field(entry, 'file') ?? field(entry, 'exercise'), field(entry, 'field')].filter(Boolean).join(': ');
      out.error(`  ${where ? `${String(where)}: ` : ''}${String(field(entry, 'message'))}`);
    }
  }
  return { ok: false, status, body };
}

/** HTTP status a finished check stands for, so the outcome reads like the synchronous answer. */
const CHECK_STATUS: Record<string, number> = { published: 201, refused: 422, cancelled: 409, failed: 503 };

/**
 * A 202: the server is still checking. Follow GET /api/packs/checks/:id until the check finishes, printing
 * its progress, and report it like a synchronous answer.
 */
async function followCheck(accepted: unknown, options: PublishOptions): Promise<PublishOutcome> {
  const { out } = options;
  const id = String(field(accepted, 'id'));
  const url = new URL(`/api/packs/checks/${encodeURIComponent(id)}`, options.api);
  out.log(`The server is checking the pack (check ${id}); following it…`);
  let shown = '';
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    const res = await fetch(url, { headers: { Authorization: `Bearer ${options.token}` } });
    const view: unknown = await res.json().catch(() => undefined);
    if (!res.ok) return finish(res.status, view, out);
    const state = String(field(view, 'status'));
    const progress = field(view, 'progress');
    const count = (key: string) => {
      const value = field(progress, key);
      return typeof value === 'number' ? String(value) : '?';
    };
    const line = `  ${state}: ${count('graded')}/${count('gradings')} gradings`;
    if (line !== shown) out.log((shown = line));
    if (state === 'queued' || state === 'running') continue;
    if (state === 'published') return finish(201, field(view, 'result'), out);
    const code = field(view, 'code');
    const status = code === 'FORBIDDEN' ? 403 : code === 'PACK_VERSION_CONFLICT' ? 409 : (CHECK_STATUS[state] ?? 500);
    return finish(status, view, out);
  }
}

/** `questline pack stats <slug>`: the analytics of GET /api/packs/:slug/stats as a table. */
export async function runPackStats(slug: string, options: { api: string; token: string; out: Output }): Promise<boolean> {
  const { out } = options;
  const res = await fetch(new URL(`/api/packs/${encodeURIComponent(slug)}/stats`, options.api), {
    headers: { Authorization: `Bearer ${options.token}` },
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const message = field(body, 'message');
    out.error(`Refused (${res.status}): ${typeof message === 'string' ? message : res.statusText}`);
    return false;
  }
  const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : '-');
  const num = (v: unknown) => (typeof v === 'number' ? String(v) : '-');
  out.log(`${String(field(body, 'slug'))} ${String(field(body, 'version'))}`);
  out.log(['exercise', 'tried', 'attempts', 'pass', '1st try', 'med.att', 'med.time', 'hints', 'sol.', 'most failed'].join('\t'));
  const exercises = field(body, 'exercises');
  for (const e of Array.isArray(exercises) ? exercises : []) {
    const time = field(e, 'medianTimeToPassMs');
    const failed = field(e, 'mostFailedTests');
    const top =
      Array.isArray(failed) && failed.length > 0 ? `${String(field(failed[0], 'name'))} (${String(field(failed[0], 'failures'))})` : '-';
    out.log(
      [
        field(e, 'slug'),
        num(field(e, 'learnersTried')),
        num(field(e, 'attempts')),
        pct(field(e, 'passRate')),
        pct(field(e, 'firstTryPassRate')),
        num(field(e, 'medianAttemptsToPass')),
        typeof time === 'number' ? `${Math.round(time / 1000)}s` : '-',
        num(field(e, 'hintReveals')),
        num(field(e, 'solutionReveals')),
        top,
      ]
        .map(String)
        .join('\t'),
    );
  }
  return true;
}

export function register(program: Command): void {
  const pack = commandGroup(program, 'pack', 'Check, test and convert exercise packs');
  pack
    .command('publish')
    .description('Validate and test a pack locally, then upload it to a Questline server (instructor token)')
    .argument('<dir>', 'pack folder (with pack.yaml)')
    .option('--api <url>', 'server base URL (default: $QUESTLINE_API or http://localhost:3000)')
    .option('--token <token>', 'instructor access token (default: $QUESTLINE_TOKEN)')
    .option('--skip-tests', 'do not grade locally first (the server still grades)')
    .action(async (dir: string, opts: { api?: string; token?: string; skipTests?: boolean }) => {
      const token = opts.token ?? process.env.QUESTLINE_TOKEN;
      if (!token) {
        consoleOutput.error('pack publish: pass --token <token> (or set QUESTLINE_TOKEN)');
        process.exitCode = 1;
        return;
      }
      const api = opts.api ?? process.env.QUESTLINE_API ?? 'http://localhost:3000';
      try {
        const outcome = await runPackPublish(dir, { api, token, out: consoleOutput, skipTests: opts.skipTests });
        process.exitCode = outcome.ok ? 0 : 1;
      } catch (error) {
        consoleOutput.error(`pack publish: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });

  pack
    .command('stats')
    .description("Show a pack's analytics (owner or admin token)")
    .argument('<slug>', 'pack slug')
    .option('--api <url>', 'server base URL (default: $QUESTLINE_API or http://localhost:3000)')
    .option('--token <token>', 'access token (default: $QUESTLINE_TOKEN)')
    .action(async (slug: string, opts: { api?: string; token?: string }) => {
      const token = opts.token ?? process.env.QUESTLINE_TOKEN;
      if (!token) {
        consoleOutput.error('pack stats: pass --token <token> (or set QUESTLINE_TOKEN)');
        process.exitCode = 1;
        return;
      }
      const api = opts.api ?? process.env.QUESTLINE_API ?? 'http://localhost:3000';
      try {
        process.exitCode = (await runPackStats(slug, { api, token, out: consoleOutput })) ? 0 : 1;
      } catch (error) {
        consoleOutput.error(`pack stats: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });
}
