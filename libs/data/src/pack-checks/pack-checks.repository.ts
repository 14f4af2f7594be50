// Every statement about the `pack_checks` table: the api creates, reads and cancels checks; the worker
// claims one, reports its progress and finishes it. A check's pack (the validated LoadedPack, contents in
// memory) is stored until the check finishes, then dropped.
import type { DataSource, EntityManager } from 'typeorm';
import type { PackCheckStatus, PackCheckView, PackReportEntry, PublishedPack } from '@questline/contracts';
import type { LoadedPack } from '@questline/exercise-format';

export const FINAL_PACK_CHECK_STATUSES: readonly PackCheckStatus[] = ['published', 'refused', 'cancelled', 'failed'];

interface Row {
  id: string;
  owner_id: string;
  slug: string;
  version: string;
  status: PackCheckStatus;
  budget_ms: number;
  graded: number;
  gradings: number;
  report: PackReportEntry[] | null;
  result: PublishedPack | null;
  code: string | null;
  message: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `id, owner_id, slug, version, status, budget_ms, graded, gradings, report, result, code, message, created_at, started_at, finished_at`;

/** What an UPDATE … RETURNING answers through TypeORM's query(): [rows, affected count]. */
type Updated<T> = [T[], number];

export interface PackCheckRecord extends PackCheckView {
  ownerId: string;
}

function toRecord(row: Row): PackCheckRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    slug: row.slug,
    version: row.version,
    status: row.status,
    progress: { graded: row.graded, gradings: row.gradings },
    budgetMs: row.budget_ms,
    ...(row.report ? { report: row.report } : {}),
    ...(row.result ? { result: row.result } : {}),
    ...(row.code ? { code: row.code } : {}),
    ...(row.message ? { message: row.message } : {}),
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** The owner's view (no owner id). */
export function packCheckView(record: PackCheckRecord): PackCheckView {
  return {
    id: record.id,
    slug: record.slug,
    version: record.version,
    status: record.status,
    progress: record.progress,
    budgetMs: record.budgetMs,
    ...(record.report ? { report: record.report } : {}),
    ...(record.result ? { result: record.result } : {}),
    ...(record.code ? { code: record.code } : {}),
    ...(record.message ? { message: record.message } : {}),
    createdAt: record.createdAt,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  };
}

export interface PackCheckOutcome {
  status: Exclude<PackCheckStatus, 'queued' | 'running'>;
  report?: PackReportEntry[];
  result?: PublishedPack;
  code?: string;
  message?: string;
}

export class PackChecksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new queued check, or null when the owner already has one pending (the partial unique index). */
  async create(ownerId: string, pack: LoadedPack, budgetMs: number, gradings: number): Promise<PackCheckRecord | null> {
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO pack_checks (owner_id, slug, version, pack, budget_ms, gradings) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (owner_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING ${COLUMNS}`,
      [ownerId, pack.manifest.slug, pack.manifest.version, JSON.stringify(pack), budgetMs, gradings],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async find(id: string): Promise<PackCheckRecord | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM pack_checks WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The owner's pending check, if any. */
  async pendingOf(ownerId: string): Promise<PackCheckRecord | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM pack_checks WHERE owner_id = $1 AND status IN ('queued', 'running')`,
      [ownerId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Cancels a pending check; false when it had already finished (or does not exist). */
  async cancel(id: string): Promise<boolean> {
    const [rows]: Updated<unknown> = await this.dataSource.query(
      `UPDATE pack_checks SET status = 'cancelled', pack = NULL, message = 'cancelled by its owner', finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** A queued check that could not be enqueued: failed, so its owner may upload again. */
  async abandon(id: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE pack_checks SET status = 'failed', pack = NULL, message = $2, finished_at = now() WHERE id = $1 AND status = 'queued'`,
      [id, message],
    );
  }

  /** queued → running; the check's pack, or null when it is not queued any more (cancelled, or a redelivery). */
  async claim(id: string): Promise<{ record: PackCheckRecord; pack: LoadedPack } | null> {
    const [rows]: Updated<Row & { pack: LoadedPack }> = await this.dataSource.query(
      `UPDATE pack_checks SET status = 'running', started_at = now() WHERE id = $1 AND status = 'queued' RETURNING ${COLUMNS}, pack`,
      [id],
    );
    return rows[0] ? { record: toRecord(rows[0]), pack: rows[0].pack } : null;
  }

  async status(id: string): Promise<PackCheckStatus | null> {
    const rows: Array<{ status: PackCheckStatus }> = await this.dataSource.query(`SELECT status FROM pack_checks WHERE id = $1`, [id]);
    return rows[0]?.status ?? null;
  }

  async progress(id: string, graded: number): Promise<void> {
    await this.dataSource.query(`UPDATE pack_checks SET graded = $2 WHERE id = $1 AND status = 'running'`, [id, graded]);
  }

  /** Locks a running check in the caller's transaction: false when it is no longer running (cancelled). */
  async lockRunning(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT id FROM pack_checks WHERE id = $1 AND status = 'running' FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  /** running → a final status; false when it was not running any more. */
  async finish(id: string, outcome: PackCheckOutcome, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [rows]: Updated<unknown> = await manager.query(
      `UPDATE pack_checks SET status = $2, report = $3, result = $4, code = $5, message = $6, pack = NULL, finished_at = now()
        WHERE id = $1 AND status = 'running' RETURNING id`,
      [
        id,
        outcome.status,
        outcome.report ? JSON.stringify(outcome.report) : null,
        outcome.result ? JSON.stringify(outcome.result) : null,
        outcome.code ?? null,
        outcome.message ?? null,
      ],
    );
    return rows.length > 0;
  }
}
