import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { gradeLimitDefaults, InjectConfig, sandboxDatabaseUrl, type AppConfig } from '@questline/config';
import { importPack, lockCourseSlug, PackChecksRepository, publishRefusal, User } from '@questline/data';
import { createGrader, type Grader } from '@questline/sandbox';
import { scorePack } from './pack-mutation';
import { CheckCancelled, verifyPack } from './pack-verify';

/** How often a running check looks for its cancellation (a cancelled check stops its sandbox child at once). */
const CANCEL_POLL_MS = 300;

export type GraderFactory = () => Grader;

/**
 * Runs one publish check: claim it (queued → running), grade the pack within its budget on a sandbox
 * child of its own, then import it under the slug lock — unless it was cancelled, which is checked again
 * under a row lock in the import transaction, so a cancelled pack is never published.
 */
@Injectable()
export class PackCheckService {
  private readonly logger = new Logger(PackCheckService.name);
  private readonly checks: PackChecksRepository;
  /** One child per check: a pack's gradings never take a child from learners' submissions. */
  graderFactory: GraderFactory = () => createGrader({ poolSize: 1, sqlDatabaseUrl: sandboxDatabaseUrl() });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.checks = new PackChecksRepository(dataSource);
  }

  async run(checkId: string): Promise<void> {
    const claimed = await this.checks.claim(checkId);
    if (!claimed) {
      // Cancelled before it started, or a redelivery after a worker died mid-check: do not grade twice.
      if ((await this.checks.status(checkId)) === 'running') {
        await this.checks.finish(checkId, { status: 'failed', message: 'The worker checking this pack stopped; upload it again.' });
      }
      return;
    }
    const { record, pack } = claimed;
    const grader = this.graderFactory();
    let cancelled = false;
    const poll = setInterval(() => {
      this.checks.status(checkId).then(
        (status) => {
          if (status === 'running' || cancelled) return;
          cancelled = true;
          // Stops the grading in flight: its child is killed and it resolves at once.
          void grader.close();
        },
        () => undefined,
      );
    }, CANCEL_POLL_MS);
    try {
      const report = await verifyPack(pack, gradeLimitDefaults(this.config), grader, {
        budgetMs: record.budgetMs,
        cancelled: () => cancelled,
        onGraded: (graded) => void this.checks.progress(checkId, graded).catch(() => undefined),
      });
      if (report.length > 0) {
        await this.checks.finish(checkId, { status: 'refused', report, message: `The pack was refused: ${report.length} problem(s)` });
        return;
      }
      const mutation = await scorePack(pack, gradeLimitDefaults(this.config), grader, {
        budgetMs: record.budgetMs,
        cancelled: () => cancelled,
      });
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.checks.lockRunning(manager, checkId))) return;
        await lockCourseSlug(manager, pack.manifest.slug);
        const owner = await manager.getRepository(User).findOneByOrFail({ id: record.ownerId });
        const refusal = await publishRefusal(manager, owner, pack.manifest);
        if (refusal) {
          await this.checks.finish(checkId, { status: 'refused', ...refusal }, manager);
          return;
        }
        const imported = await importPack(manager, pack, { ownerId: owner.id, publishedBy: owner.id });
        const exerciseCount = pack.chapters.reduce((n, c) => n + c.exercises.length, 0);
        await this.checks.finish(
          checkId,
          { status: 'published', result: { slug: imported.slug, version: imported.version, exerciseCount, mutation } },
          manager,
        );
        this.logger.log(`${owner.email} published ${imported.slug} ${imported.version} (${imported.status})`);
      });
    } catch (error) {
      if (error instanceof CheckCancelled || cancelled) return;
      this.logger.warn(`pack check ${checkId} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.checks.finish(checkId, { status: 'failed', message: 'The publish check failed on the server; upload the pack again.' });
    } finally {
      clearInterval(poll);
      await grader.close();
    }
  }
}
