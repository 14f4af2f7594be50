// `questline users set-role <email> <role>`: promote (or demote) a user, straight in the database
// named by DATABASE_URL. The api owns migrations, so this refuses to touch an un-migrated database.
import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL } from '@questline/config';
import { USER_ROLES, User, type UserRole, buildDataSourceOptions, normalizeEmail, pendingMigrations, redactUrl } from '@questline/data';
import { consoleOutput, type Output } from '../output';
import { commandGroup } from './group';

export interface SetRoleOptions {
  databaseUrl?: string;
  out: Output;
}

function isRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** Returns the process exit code: 0 done, 1 refused (bad role, unknown email, database not ready). */
export async function runSetRole(email: string, role: string, options: SetRoleOptions): Promise<number> {
  const { out } = options;
  if (!isRole(role)) {
    out.error(`users set-role: unknown role "${role}" (expected one of: ${USER_ROLES.join(', ')})`);
    return 1;
  }
  const databaseUrl = options.databaseUrl || process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const dataSource = new DataSource(buildDataSourceOptions({ databaseUrl }, { poolSize: 1, applicationName: 'questline-cli' }));
  try {
    await dataSource.initialize();
  } catch (error) {
    out.error(
      `users set-role: cannot connect to DATABASE_URL=${redactUrl(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  try {
    const pending = await pendingMigrations(dataSource);
    if (pending.length > 0) {
      out.error(
        `users set-role: the database at ${redactUrl(databaseUrl)} is not migrated (${pending.length} pending: ${pending.join(', ')}). ` +
          'Start the api once (it applies migrations), then retry.',
      );
      return 1;
    }
    const users = dataSource.getRepository(User);
    const user = await users.findOneBy({ email: normalizeEmail(email) });
    if (!user) {
      out.error(`users set-role: no user with email ${normalizeEmail(email)}`);
      return 1;
    }
    if (user.role === role) {
      out.log(`${user.email} is already ${role}`);
      return 0;
    }
    await users.update({ id: user.id }, { role });
    out.log(`${user.email}: ${user.role} → ${role}`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

export function register(program: Command): void {
  const users = commandGroup(program, 'users', 'Manage users on a Questline server (uses DATABASE_URL)');
  users
    .command('set-role')
    .description(`Set a user's role: ${USER_ROLES.join(' | ')}`)
    .argument('<email>', 'the account email (case-insensitive)')
    .argument('<role>', USER_ROLES.join(' | '))
    .option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL)')
    .action(async (email: string, role: string, opts: { databaseUrl?: string }) => {
      process.exitCode = await runSetRole(email, role, { databaseUrl: opts.databaseUrl, out: consoleOutput });
    });
}
