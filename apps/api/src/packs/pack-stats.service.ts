// Instructor analytics for one pack, from the counts SubmissionStatsRepository aggregates in SQL over
// graded Submit submissions.
//
// Definitions (also in docs/packs.md), per current exercise:
// - learnersTried: learners with at least one graded Submit; attempts: graded Submits.
// - passRate: passing Submits / Submits. firstTryPassRate: learners whose first Submit passed / learnersTried.
// - medianAttemptsToPass: over learners who passed, the number of Submits up to and including the first pass.
// - medianTimeToPassMs: over learners who passed, from their first submission of any kind (a Run
//   counts: that is when they started working) to their first passing Submit.
// - hintReveals / solutionReveals: reveal rows (one per learner and hint / per learner).
// - mostFailedTests: tests with status != 'pass' in Submit results, most frequent first (top 5), grouped
//   by their declared identity (TestResult.id) and labelled from the pack's own test source, never by the
//   runtime name (a test file may build that from learner values: issue 12 item 7).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { PackStats } from '@questline/contracts';
import { declaredTestLabel } from '@questline/exercise-format';
import { Course, Exercise, SubmissionStatsRepository, UserRole, type User } from '@questline/data';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

const TOP_FAILED_TESTS = 5;

@Injectable()
export class PackStatsService {
  private readonly submissionStats: SubmissionStatsRepository;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.submissionStats = new SubmissionStatsRepository(dataSource);
  }

  async stats(user: User, slug: string): Promise<PackStats> {
    const course = await this.dataSource.getRepository(Course).findOneBy({ slug });
    if (!course) throw new DomainError(ErrorCode.NotFound, `No pack "${slug}"`);
    if (user.role !== UserRole.Admin && course.ownerId !== user.id) {
      throw new DomainError(ErrorCode.Forbidden, "Only the pack's owner or an admin can see its statistics");
    }
    const rows = await this.submissionStats.exerciseStats(course.id);
    const failed = await this.submissionStats.failedTests(course.id);
    const exercises = await this.dataSource.getRepository(Exercise).find({
      where: { courseId: course.id, removedAt: IsNull() },
      select: { id: true, visibleTests: true, hiddenTests: true },
    });
    const testFiles = new Map(exercises.map((e) => [e.id, [...e.visibleTests, ...e.hiddenTests]]));
    const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
    return {
      slug: course.slug,
      version: course.currentVersion,
      exercises: rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        learnersTried: row.learnersTried,
        attempts: row.attempts,
        passRate: ratio(row.passes, row.attempts),
        firstTryPassRate: ratio(row.firstTry, row.learnersTried),
        medianAttemptsToPass: row.medianAttemptsToPass,
        medianTimeToPassMs: row.medianTimeToPassMs === null ? null : Math.round(row.medianTimeToPassMs),
        hintReveals: row.hintReveals,
        solutionReveals: row.solutionReveals,
        mostFailedTests: failed
          .filter((f) => f.exerciseId === row.exerciseId)
          .slice(0, TOP_FAILED_TESTS)
          .map((f) => ({ id: f.testId, name: declaredTestLabel(f.testId, testFiles.get(row.exerciseId) ?? []), failures: f.failures })),
      })),
    };
  }
}
