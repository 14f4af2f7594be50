import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';
import type { Page, SubmissionAccepted, SubmissionView } from '@questline/contracts';
import { SubmissionsRepository, type SubmissionKind, type SubmissionPageQuery } from '@questline/data';
import { SANDBOX_DEFAULTS } from '@questline/sandbox';
import { CatalogService } from '../catalog';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { GradingQueue, QueueUnreachableError } from './grading-queue';
import { toSubmissionView } from './submission-view';
import { isUuid } from '../common/uuid';

const MAX_IDEMPOTENCY_KEY = 200;

@Injectable()
export class SubmissionsService {
  private readonly submissions: SubmissionsRepository;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly catalog: CatalogService,
    private readonly queue: GradingQueue,
    private readonly metrics: PipelineMetrics,
  ) {
    this.submissions = new SubmissionsRepository(dataSource);
  }

  /**
   * Persist first, then enqueue `{ submissionId }`. A row whose enqueue fails is deleted and the client
   * gets 503, so every 202 is a row the worker (or, after an outage, the sweep) will grade.
   */
  async create(
    userId: string,
    exerciseId: string,
    kind: 'run' | 'submit',
    code: string,
    idempotencyKey?: string,
  ): Promise<SubmissionAccepted> {
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

    // One statement: the pending-limit check, the insert and the idempotency guard (null: over the limit, or raced).
    const id = await this.submissions.insertUnderPendingLimit(
      {
        userId,
        exerciseId: exercise.id,
        kind,
        code,
        courseVersion: exercise.courseVersion,
        testsHash: exercise.testsHash,
        idempotencyKey: key,
      },
      this.config.maxPendingGradings,
    );
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
      await this.submissions.delete(id).catch(() => undefined);
      this.metrics.rejected.inc({ reason: 'queue_unavailable' });
      // The filter reports it (once per outage) and answers 503 QUEUE_UNAVAILABLE.
      throw error instanceof QueueUnreachableError ? error : new QueueUnreachableError(String(error));
    }
    this.metrics.accepted.inc({ kind });
    return { id, status: 'queued', kind };
  }

  /** The earlier submission with this key; 422 if the key was used for another exercise or kind. */
  private async byKey(userId: string, key: string, exerciseId: string, kind: SubmissionKind): Promise<SubmissionAccepted | null> {
    const row = await this.submissions.findByIdempotencyKey(userId, key);
    if (!row) return null;
    if (row.exerciseId !== exerciseId || row.kind !== kind) {
      throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used for another submission');
    }
    return { id: row.id, status: row.status, kind: row.kind };
  }

  /** The owner's submission; anyone else (or an unknown id) gets the same 404. */
  async get(userId: string, id: string): Promise<SubmissionView> {
    if (!isUuid(id)) throw new DomainError(ErrorCode.NotFound, 'No such submission');
    const row = await this.submissions.findOwned(userId, id);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'No such submission');
    return toSubmissionView(row);
  }

  /** The learner's history for one exercise, newest first. */
  async listForExercise(userId: string, exerciseId: string, page: number, pageSize: number): Promise<Page<SubmissionView>> {
    if (!isUuid(exerciseId)) throw new DomainError(ErrorCode.InvalidInput, 'Exercise id must be a UUID');
    return this.page({ userId, exerciseId, page, pageSize });
  }

  /** The learner's recent history across exercises, newest first, with exercise titles. */
  async listMine(userId: string, page: number, pageSize: number): Promise<Page<SubmissionView>> {
    return this.page({ userId, page, pageSize, withExerciseTitle: true });
  }

  private async page(query: SubmissionPageQuery): Promise<Page<SubmissionView>> {
    const { items, total } = await this.submissions.page(query);
    return { items: items.map(toSubmissionView), page: query.page, total };
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
