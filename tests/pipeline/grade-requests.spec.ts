// "Passes locally" means "passes for learners": `questline grade`, `questline pack test`, the api's publish
// check and the worker build the same grade request for the same exercise and code — same tests in the same
// order, same hidden flags, same limits (the exercise's own, the rest from the one set of defaults), with the
// defaults as shipped and with SANDBOX_TIME_LIMIT_MS / SANDBOX_MEMORY_LIMIT_MB set. The worker reads the
// exercise from PostgreSQL (imported from the same folder the CLI reads), and every path grades with the real
// sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { gradeLimitDefaults, loadConfig } from '@questline/config';
import { buildDataSourceOptions, importPack, runMigrationsLocked, SubmissionsRepository } from '@questline/data';
import { loadPack } from '@questline/exercise-format';
import { createGrader, DEFAULT_GRADE_LIMITS, type GradeLimits, type GradeRequest, type GradeResult, type Grader } from '@questline/sandbox';
import { verifyPack } from '../../apps/worker/src/pack-checks/pack-verify';
import { runGrade } from '../../apps/cli/src/grade-report';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackTest } from '../../apps/cli/src/pack-test';
import { GradingService } from '../../apps/worker/src/grading/grading.service';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';
import { writePack } from '../packs/pack-fixture';

const LIMITED = { timeMs: 3000 };
const SUPPORT = { 'base.js': 'export const base = 40;\n' };
const packDir = writePack({
  slug: 'grade-requests',
  chapters: [
    {
      slug: 'basics',
      exercises: [
        { slug: 'plain' },
        { slug: 'limited', limits: LIMITED },
        // A support file the solution imports: every path must send it, the worker from the database.
        {
          slug: 'supported',
          support: SUPPORT,
          solution: "// SECRET-SOLUTION-supported\nimport { base } from './base';\nexport function answer() {\n  return base + 2;\n}\n",
        },
      ],
    },
  ],
});
const exerciseDir = (slug: string) => path.join(packDir, 'basics', slug);
const solutionFile = (slug: string) => path.join(exerciseDir(slug), 'solution', `${slug}.js`);

let db: TestDatabase;
let dataSource: DataSource;
let sandbox: Grader;
let userId: string;
const exerciseIds = new Map<string, string>();

/** The real grader, remembering every request; close() is left to afterAll (the CLI closes what it is given). */
function recording(): { grader: Grader; requests: GradeRequest[] } {
  const requests: GradeRequest[] = [];
  const grader: Grader = {
    grade: (request, hooks) => {
      requests.push(structuredClone(request));
      return sandbox.grade(request, hooks);
    },
    close: async () => undefined,
  };
  return { grader, requests };
}

beforeAll(async () => {
  db = await createTestDatabase('ql_grade_requests');
  dataSource = await new DataSource(buildDataSourceOptions({ databaseUrl: db.url })).initialize();
  await runMigrationsLocked(dataSource);
  const imported = await dataSource.transaction((m) => importPack(m, loadPack(packDir), { ownerId: null }));
  const rows: Array<{ id: string; slug: string }> = await dataSource.query(`SELECT id, slug FROM exercises WHERE course_id = $1`, [
    imported.courseId,
  ]);
  for (const row of rows) exerciseIds.set(row.slug, row.id);
  [{ id: userId }] = await dataSource.query(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('grade-requests@example.test', 'x', 'Parity') RETURNING id`,
  );
  sandbox = createGrader({ poolSize: 1 });
});

afterAll(async () => {
  await sandbox?.close();
  await dataSource?.destroy();
  await db?.drop();
  fs.rmSync(packDir, { recursive: true, force: true });
});

/** What the worker sends to the sandbox for a submission of `code`, accepted through the repository as the api does. */
async function workerRequest(config: ReturnType<typeof loadConfig>, slug: string, kind: 'run' | 'submit', code: string) {
  const exerciseId = exerciseIds.get(slug)!;
  const [target]: Array<{ tests_hash: string; version: string }> = await dataSource.query(
    `SELECT e.tests_hash, c.current_version AS version FROM exercises e JOIN courses c ON c.id = e.course_id WHERE e.id = $1`,
    [exerciseId],
  );
  const id = await new SubmissionsRepository(dataSource).insertUnderPendingLimit(
    { userId, exerciseId, kind, code, courseVersion: target.version, testsHash: target.tests_hash, idempotencyKey: null },
    1000,
  );
  const { grader, requests } = recording();
  const done = await new GradingService(dataSource, config).grade(id!, grader, async () => undefined);
  expect(done?.payload.verdict).toBe('passed');
  expect(requests).toHaveLength(1);
  return requests[0];
}

async function cliGradeRequest(slug: string, hidden: boolean): Promise<{ request: GradeRequest; result: GradeResult }> {
  const { grader, requests } = recording();
  const outcome = await runGrade(exerciseDir(slug), solutionFile(slug), {
    hidden,
    json: true,
    out: memoryOutput(),
    createGrader: () => grader,
  });
  expect(outcome.exitCode).toBe(0);
  expect(requests).toHaveLength(1);
  return { request: requests[0], result: outcome.result! };
}

/** The requests `pack test` and the publish check grade the reference solution with, per exercise slug. */
async function packRequests(defaults: GradeLimits): Promise<{ packTest: Map<string, GradeRequest>; publish: Map<string, GradeRequest> }> {
  const bySolution = (requests: GradeRequest[]) => {
    const found = new Map<string, GradeRequest>();
    for (const slug of exerciseIds.keys()) {
      const code = fs.readFileSync(solutionFile(slug), 'utf8');
      const matching = requests.filter((r) => r.solution.code === code);
      expect(matching).toHaveLength(1);
      found.set(slug, matching[0]);
    }
    return found;
  };
  const cli = recording();
  const summary = await runPackTest(packDir, { out: memoryOutput(), createGrader: () => cli.grader });
  expect(summary).toMatchObject({ passed: 3, failed: 0 });
  const api = recording();
  expect(await verifyPack(loadPack(packDir), defaults, api.grader, { budgetMs: 60_000, cancelled: () => false })).toEqual([]);
  return { packTest: bySolution(cli.requests), publish: bySolution(api.requests) };
}

async function expectOneRequestPerPath(config: ReturnType<typeof loadConfig>, expectedLimits: Record<string, GradeLimits>): Promise<void> {
  const { packTest, publish } = await packRequests(gradeLimitDefaults(config));
  for (const [slug, limits] of Object.entries(expectedLimits)) {
    const code = fs.readFileSync(solutionFile(slug), 'utf8');

    const run = await cliGradeRequest(slug, false);
    expect(await workerRequest(config, slug, 'run', code)).toEqual(run.request);
    expect(run.request.tests.map((t) => t.hidden)).toEqual([false]);

    const submit = await cliGradeRequest(slug, true);
    expect(await workerRequest(config, slug, 'submit', code)).toEqual(submit.request);
    expect(packTest.get(slug)).toEqual(submit.request);
    expect(publish.get(slug)).toEqual(submit.request);
    expect(submit.request.tests.map((t) => [t.fileName, t.hidden])).toEqual([
      [`${slug}.test.js`, false],
      [`hidden/${slug}-more.test.js`, true],
    ]);
    expect(submit.request.solution).toEqual({ fileName: `${slug}.js`, code });
    expect(submit.request.limits).toEqual(limits);
    expect(submit.request.supportFiles).toEqual(slug === 'supported' ? [{ fileName: 'base.js', code: SUPPORT['base.js'] }] : undefined);
    expect(submit.result.status).toBe('pass');
  }
}

const SECRET = { JWT_SECRET: 'x'.repeat(40) };

it('every path builds the same request, with the shipped default limits', async () => {
  const config = loadConfig({ ...process.env, ...SECRET });
  expect(gradeLimitDefaults(config)).toEqual(DEFAULT_GRADE_LIMITS);
  await expectOneRequestPerPath(config, {
    plain: DEFAULT_GRADE_LIMITS,
    limited: { ...DEFAULT_GRADE_LIMITS, ...LIMITED },
    supported: DEFAULT_GRADE_LIMITS,
  });
}, 120_000);

it('every path builds the same request when the operator changes the default limits', async () => {
  const saved = { time: process.env.SANDBOX_TIME_LIMIT_MS, memory: process.env.SANDBOX_MEMORY_LIMIT_MB };
  process.env.SANDBOX_TIME_LIMIT_MS = '2500';
  process.env.SANDBOX_MEMORY_LIMIT_MB = '96';
  try {
    const config = loadConfig({ ...process.env, ...SECRET });
    await expectOneRequestPerPath(config, {
      plain: { timeMs: 2500, memoryMb: 96 },
      // The exercise's own limit wins; the one it does not set comes from the environment.
      limited: { timeMs: LIMITED.timeMs, memoryMb: 96 },
      supported: { timeMs: 2500, memoryMb: 96 },
    });
  } finally {
    for (const [key, value] of [
      ['SANDBOX_TIME_LIMIT_MS', saved.time],
      ['SANDBOX_MEMORY_LIMIT_MB', saved.memory],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}, 120_000);
