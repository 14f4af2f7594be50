import { DataSource } from 'typeorm';

/**
 * Create the database named in `url` if it does not exist, connecting to the server's `postgres`
 * maintenance database with the same credentials. Safe to call concurrently.
 * Returns true when it created the database.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL has no database name: ${redactUrl(url)}`);
  const client = await maintenanceConnection(url);
  try {
    const found: unknown[] = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.length > 0) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database: another process created it between our check and CREATE.
      if (pgErrorCode(error) === '42P04') return false;
      throw error;
    }
  } finally {
    await client.destroy();
  }
}

/** Drop a database, disconnecting its sessions (PostgreSQL 13+). For tests and tooling. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const client = await maintenanceConnection(url);
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.destroy();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** A one-connection DataSource on the server's `postgres` database, same credentials as `url`. */
async function maintenanceConnection(url: string): Promise<DataSource> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return new DataSource({ type: 'postgres', url: maintenance.toString(), poolSize: 1 }).initialize();
}

function pgErrorCode(error: unknown): string | undefined {
  const driverError: unknown = typeof error === 'object' && error !== null && 'driverError' in error ? error.driverError : error;
  return typeof driverError === 'object' && driverError !== null && 'code' in driverError && typeof driverError.code === 'string'
    ? driverError.code
    : undefined;
}
