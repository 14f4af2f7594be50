import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';
import { SANDBOX_DEFAULTS } from '@questline/sandbox';
import { CatalogService } from '../catalog';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { GradingQueue } from './grading-queue';
import { toSubmissionView, type SubmissionView, type SubmissionViewRow } from './submission-view';
import { isUuid } from '../common/uuid';

export interface Accepted {
  id: string;
  status: 'queued' | 'running' | 'completed';
  kind: 'run' | 'submit';
}

export interface Page<T> {
  items: T[];
  page: number;
  total: number;
}

const MAX_IDEMPOTENCY_KEY = 200;

const VIEW_COLUMNS = `s.id, s.kind, s.exercise_id, s.status, s.result, s.xp_awarded, s.created_at, s.completed_at,
  e.reveal_hidden_test_names`;

@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly catalog: CatalogService,
    private readonly queue: GradingQueue,
    private readonly metrics: PipelineMetrics,
  ) {}

  /**
   * Persist first, then enqueue `{ submissionId }`. A row whose enqueue fails is deleted and the client
   * gets 503, so every 202 is a row the worker (or, after an outage, the sweep) will grade.
   */
  async create(userId: string, exerciseId: string, kind: 'run' | 'submit', code: string, idempotencyKey?: string): Promise<Accepted> {
    if (Buffer.byteLength(code) > SANDBOX_DEFAULTS.maxSourceBytes) {
      throw new DomainError(ErrorCode.CodeTooLarge, `Code is larger than ${SANDBOX_DEFAULTS.maxSourceBytes / 1024} KB`, {
        limitBytes: SANDBOX_DEFAULTS.maxSourceBytes,
      });
    }
    const key = normalizeKey(idempotencyKey);
    if (key !== null) {
      const existing = await this.byKey(userId, key, exerciseId, kind);
      if (existing) return existing;
    }
    const exercise = await this.catalog.getSubmissionTarget(userId, exerciseId); // 400/404/403 locked, one query

    // One statement: the pending-limit check, the insert and the idempotency guard. The limit is soft
    // under concurrent posts by one learner (both may see N-1), which is fine for flood control.
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO submissions (user_id, exercise_id, kind, code, course_version, tests_hash, idempotency_key)
       SELECT $1, $2, $3, $4, $5, $6, $7
        WHERE (SELECT count(*) FROM submissions WHERE user_id = $1 AND status <> 'completed') < $8
       ON CONFLICT (user_id, idempotency_key) DO NOTHING
       RETURNING id`,
      [userId, exercise.id, kind, code, exercise.courseVersion, exercise.testsHash, key, this.config.maxPendingGradings],
    );
    const id = inserted[0]?.id;
    if (!id) {
      const raced = key === null ? null : await this.byKey(userId, key, exerciseId, kind);
      if (raced) return raced;
      this.metrics.rejected.inc({ reason: 'too_many_pending' });
      throw new DomainError(
        ErrorCode.TooManyPendingGradings,
        `You already have ${this.config.maxPendingGradings} gradings waiting; wait for one to finish`,
        { limit: this.config.maxPendingGradings },
      );
    }
    try {
      await this.queue.enqueue({ userId, submissionId: id, kind });
    } catch (error) {
      await this.dataSource.query(`DELETE FROM submissions WHERE id = $1`, [id]).catch(() => undefined);
      this.metrics.rejected.inc({ reason: 'queue_unavailable' });
      this.logger.warn(`enqueue failed, answered 503: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError(ErrorCode.QueueUnavailable, 'Grading is temporarily unavailable; try again in a moment');
    }
    this.metrics.accepted.inc({ kind });
    return { id, status: 'queued', kind };
  }

  /** The earlier submission with this key; 422 if the key was used for another exercise or kind. */
  private async byKey(userId: string, key: string, exerciseId: string, kind: 'run' | 'submit'): Promise<Accepted | null> {
    const rows: Array<Accepted & { exercise_id: string }> = await this.dataSource.query(
      `SELECT id, status, kind, exercise_id FROM submissions WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.exercise_id !== exerciseId || row.kind !== kind) {
      throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used for another submission');
    }
    return { id: row.id, status: row.status, kind: row.kind };
  }

  /** The owner's submission; anyone else (or an unknown id) gets the same 404. */
  async get(userId: string, id: string): Promise<SubmissionView> {
    if (!isUuid(id)) throw new DomainError(ErrorCode.NotFound, 'No such submission');
    const rows: SubmissionViewRow[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS}, s.code FROM submissions s JOIN exercises e ON e.id = s.exercise_id
        WHERE s.id = $1 AND s.user_id = $2`,
      [id, userId],
    );
    if (!rows[0]) throw new DomainError(ErrorCode.NotFound, 'No such submission');
    return toSubmissionView(rows[0]);
  }

  /** The learner's history for one exercise, newest first. */
  async listForExercise(userId: string, exerciseId: string, page: number, pageSize: number): Promise<Page<SubmissionView>> {
    if (!isUuid(exerciseId)) throw new DomainError(ErrorCode.InvalidInput, 'Exercise id must be a UUID');
    return this.page(`s.user_id = $1 AND s.exercise_id = $2`, [userId, exerciseId], page, pageSize, false);
  }

  /** The learner's recent history across exercises, newest first, with exercise titles. */
  async listMine(userId: string, page: number, pageSize: number): Promise<Page<SubmissionView>> {
    return this.page(`s.user_id = $1`, [userId], page, pageSize, true);
  }

  private async page(where: string, params: unknown[], page: number, pageSize: number, withTitle: boolean): Promise<Page<SubmissionView>> {
    const n = params.length;
    const [rows, count] = await Promise.all([
      this.dataSource.query<SubmissionViewRow[]>(
        `SELECT ${VIEW_COLUMNS}${withTitle ? ', e.title AS exercise_title' : ''}
           FROM submissions s JOIN exercises e ON e.id = s.exercise_id
          WHERE ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM submissions s WHERE ${where}`, params),
    ]);
    return { items: rows.map(toSubmissionView), page, total: count[0]?.total ?? 0 };
  }
}

function normalizeKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const key = raw.trim();
  if (key === '') return null;
  if (key.length > MAX_IDEMPOTENCY_KEY) {
    throw new DomainError(ErrorCode.InvalidInput, `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY} characters`);
  }
  return key;
}
