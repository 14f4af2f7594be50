import { DataSource } from 'typeorm';
import { MIGRATIONS, buildDataSourceOptions, pendingMigrations, runMigrationsLocked } from '@questline/data';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';

// Every migration must apply on an empty database, revert with its down(), and apply again.
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions({ databaseUrl: db.url }, { poolSize: 2 })).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('apply, revert completely, and re-apply', async () => {
    expect(await pendingMigrations(dataSource)).toHaveLength(MIGRATIONS.length);
    const applied = await runMigrationsLocked(dataSource);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await pendingMigrations(dataSource)).toEqual([]);

    for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await pendingMigrations(dataSource)).toHaveLength(MIGRATIONS.length);
    const users: Array<{ t: string | null }> = await dataSource.query(`SELECT to_regclass('users')::text AS t`);
    expect(users[0].t).toBeNull();

    expect(await runMigrationsLocked(dataSource)).toHaveLength(MIGRATIONS.length);
  });

  it('is a no-op when run concurrently after completion', async () => {
    const results = await Promise.all([runMigrationsLocked(dataSource), runMigrationsLocked(dataSource)]);
    expect(results).toEqual([[], []]);
  });

  it('enforces case-insensitive unique emails and the role check in the schema', async () => {
    await dataSource.query(`INSERT INTO users (email, password_hash, display_name) VALUES ('a@x.io', 'h', 'A')`);
    await expect(dataSource.query(`INSERT INTO users (email, password_hash, display_name) VALUES ('A@X.IO', 'h', 'B')`)).rejects.toThrow(
      /UQ_users_email_lower/,
    );
    await expect(
      dataSource.query(`INSERT INTO users (email, password_hash, display_name, role) VALUES ('b@x.io', 'h', 'B', 'root')`),
    ).rejects.toThrow(/CHK_users_role/);
  });
});
