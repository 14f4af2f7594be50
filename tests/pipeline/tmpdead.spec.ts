import { startApi } from '../fixtures/api';
it('boots and closes against a dead redis', async () => {
  let t = Date.now();
  const api = await startApi({ env: { REDIS_URL: 'redis://127.0.0.1:1', QUEUE_BACKEND: 'redis' } });
  console.log('started', Date.now() - t);
  t = Date.now();
  await api.close();
  console.log('closed', Date.now() - t);
}, 60000);
