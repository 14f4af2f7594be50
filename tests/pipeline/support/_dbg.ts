import { loadConfig, bullRootOptions } from '@questline/config';
import { QueueEvents } from 'bullmq';
import { closeWithin } from '@questline/jobs';
import { GradingQueue } from '/work/main/apps/api/src/submissions/grading-queue';
async function main() {
  const config = loadConfig({ ...process.env, QUEUE_BACKEND: 'redis', REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: '{dbg}', JWT_SECRET: 'x'.repeat(40) });
  const q = new GradingQueue(config);
  let t = Date.now();
  await q.onModuleDestroy();
  console.log('queue closed', Date.now() - t);
  const ev = new QueueEvents('grading', bullRootOptions(config));
  ev.on('error', () => undefined);
  t = Date.now();
  await closeWithin(ev);
  console.log('events closed', Date.now() - t);
}
main();
