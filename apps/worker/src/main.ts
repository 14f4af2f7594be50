import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@questline/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  // SIGTERM/SIGINT close BullMQ workers (letting the active job finish) and the DB pool.
  app.enableShutdownHooks();
  logger.log(`worker ready (queue backend: ${config.queue.backend}, concurrency: ${config.worker.concurrency})`, 'Bootstrap');
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`questline worker failed to start: ${message}\n`);
  process.exit(1);
});
