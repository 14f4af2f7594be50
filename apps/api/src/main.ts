import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@questline/config';
import { ensureDatabaseExists, redactUrl } from '@questline/data';
import { createApiApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  // Convenience for local runs. Managed servers may forbid the `postgres` maintenance database;
  // then just carry on: TypeORM's own connect reports a missing or unreachable database.
  await ensureDatabaseExists(config.databaseUrl).catch((error: unknown) => {
    new Logger('Bootstrap').warn(
      `could not check/create the database of DATABASE_URL=${redactUrl(config.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  new Logger('Bootstrap').log(`api listening on http://${config.host}:${config.port} (queue backend: ${config.queue.backend})`);
}

main().catch((error: unknown) => {
  // Config errors are for humans: no stack trace.
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`questline api failed to start: ${message}\n`);
  process.exit(1);
});
