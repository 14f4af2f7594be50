import { MigrationExecutor, type DataSource } from 'typeorm';

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 4_207_311;

/**
 * Run pending migrations under a PostgreSQL advisory lock, so several api processes starting at
 * once migrate one after the other instead of racing on CREATE TABLE. The migrations run on the
 * connection that holds the lock: needing a second one could deadlock a small, busy pool.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Names of migrations this build knows that the database has not applied yet. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const exists: Array<{ exists: boolean }> = await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS "exists"', [table]);
  if (!exists[0]?.exists) return known;
  const rows: Array<{ name: string }> = await dataSource.query(`SELECT name FROM "${table}"`);
  const applied = new Set(rows.map((r) => r.name));
  return known.filter((name) => !applied.has(name));
}
