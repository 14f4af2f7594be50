import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@questline/config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';

const PROBE_QUEUE = 'foundation-probe';

async function bootWorker(db: TestDatabase, env: Record<string, string | undefined>): Promise<INestApplicationContext> {
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: 'worker-test-secret-'.padEnd(40, 'x'),
    DATABASE_URL: db.url,
    QUEUE_PREFIX: `{ql-test-${process.pid}}`,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [WorkerModule.forRoot(config), BullModule.registerQueue({ name: PROBE_QUEUE })],
  }).compile();
  return moduleRef.init();
}

describe('worker application context', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([
    // Redis first: the bullmq schema must not exist yet when it runs.
    ['redis', { QUEUE_BACKEND: 'redis' }],
    ['postgres', { QUEUE_BACKEND: 'postgres', REDIS_URL: undefined }],
  ])('boots on the %s queue backend and does not migrate', async (_name, env) => {
    const ctx = await bootWorker(db, env);
    try {
      const dataSource = ctx.get(DataSource);
      expect(dataSource.isInitialized).toBe(true);
      const users: Array<{ t: string | null }> = await dataSource.query(`SELECT to_regclass('users')::text AS t`);
      expect(users[0].t).toBeNull(); // the api owns migrations

      const queue = ctx.get<Queue>(getQueueToken(PROBE_QUEUE));
      const job = await queue.add('probe', { n: 1 }, { jobId: `probe-${_name}` });
      expect(await queue.getJob(job.id ?? '')).toBeDefined();
      // The PostgreSQL backend keeps its tables in a `bullmq` schema; the Redis one never creates it.
      const schema: Array<{ s: string | null }> = await dataSource.query(`SELECT to_regnamespace('bullmq')::text AS s`);
      expect(schema[0].s).toBe(_name === 'postgres' ? 'bullmq' : null);
      await queue.obliterate({ force: true });
    } finally {
      await ctx.close();
    }
  });
});
