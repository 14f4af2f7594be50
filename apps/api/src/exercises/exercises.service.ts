import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExerciseView, HintRevealView, SolutionRevealView } from '@questline/contracts';
import { HintReveal, SolutionReveal } from '@questline/data';
import { discountedHintCost, hintCost, resolveXpRules, solutionRevealCost } from '@questline/gamification';
import { CatalogService, lockedError, type CourseState } from '../catalog';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

@Injectable()
export class ExercisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  /** What a learner may see of an exercise: never hidden tests, the solution or wrong/ files. */
  async view(userId: string, exerciseId: string): Promise<ExerciseView> {
    const { exercise, state } = await this.catalog.exerciseState(userId, exerciseId);
    const hints = await this.revealedHints(userId, exercise.id);
    const solutionRevealed = await this.dataSource.getRepository(SolutionReveal).existsBy({ userId, exerciseId: exercise.id });
    const completion = state.completions.get(exercise.id);
    const index = state.exercises.findIndex((e) => e.id === exercise.id);
    const chapter = state.chapters.find((c) => c.id === exercise.chapterId);
    const visibleHints = hints.filter((i) => i < exercise.hints.length);
    return {
      id: exercise.id,
      slug: exercise.slug,
      title: exercise.title,
      instructions: exercise.instructions,
      language: exercise.language,
      fileName: exercise.fileName,
      starterCode: exercise.starterCode,
      // Rebuilt field by field so nothing else stored with a test can ever leak.
      visibleTests: exercise.visibleTests.map(({ fileName, code }) => ({ fileName, code })),
      kind: exercise.kind,
      supportFiles: exercise.supportFiles.map(({ fileName, code }) => ({ fileName, code })),
      ...(exercise.databaseSchema ? { databaseSchema: exercise.databaseSchema } : {}),
      hintCount: exercise.hints.length,
      revealedHints: visibleHints.map((i) => exercise.hints[i]),
      nextHintCost: this.nextHintCost(state, exercise.id, visibleHints.length),
      solutionCost: completion ? 0 : solutionRevealCost(exercise.xp, resolveXpRules(state.course.xpRules)),
      solutionRevealed,
      status: state.statuses.exercises.get(exercise.id) ?? 'available',
      ...this.locked(state, exercise.id),
      solved: Boolean(completion),
      solvedAgainstOlderVersion: Boolean(completion && completion.testsHash !== exercise.testsHash),
      xp: exercise.xp,
      difficulty: exercise.difficulty,
      course: { slug: state.course.slug, title: state.course.title },
      chapter: { slug: chapter?.slug ?? '', title: chapter?.title ?? '' },
      nextId: state.exercises[index + 1]?.id ?? null,
      previousId: index > 0 ? state.exercises[index - 1].id : null,
    };
  }

  /** Reveals the next hint (0 XP once solved). 409 when none are left, 403 when locked. */
  async revealHint(userId: string, exerciseId: string): Promise<HintRevealView> {
    const { exercise, state } = await this.unlocked(userId, exerciseId);
    const revealed = (await this.revealedHints(userId, exercise.id)).filter((i) => i < exercise.hints.length);
    const index = revealed.length;
    if (index >= exercise.hints.length) throw new DomainError(ErrorCode.NoHintsLeft, 'Every hint is already revealed');
    const cost = this.nextHintCost(state, exercise.id, index) ?? 0;
    // A hint discount from the shop halves a hint that costs something; it is used up only when this
    // request is the one that reveals the hint (the transaction rolls the use back otherwise).
    const inserted = await this.dataSource.transaction(async (manager) => {
      // (A CTE, because TypeORM answers a bare UPDATE with [rows, count].)
      const [used]: Array<{ n: number }> =
        cost > 0
          ? await manager.query(
              `WITH "u" AS (UPDATE "inventory" SET "held" = "held" - 1
                             WHERE "user_id" = $1 AND "item" = 'hint-discount' AND "held" > 0 RETURNING 1)
               SELECT count(*)::int AS "n" FROM "u"`,
              [userId],
            )
          : [{ n: 0 }];
      const discounted = used.n > 0;
      const charged = discountedHintCost(cost, discounted);
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(HintReveal)
        .values({ userId, exerciseId: exercise.id, hintIndex: index, cost: charged, discounted })
        .orIgnore()
        .returning(['hint_index'])
        .execute();
      if (!(Array.isArray(result.raw) && result.raw.length > 0)) throw new HintAlreadyRevealed();
      return charged;
    }).catch((error: unknown) => {
      if (error instanceof HintAlreadyRevealed) return null;
      throw error;
    });
    // A double click raced us to this index: the learner gets the same hint, charged once.
    const charged =
      inserted ?? (await this.dataSource.getRepository(HintReveal).findOneBy({ userId, exerciseId: exercise.id, hintIndex: index }))?.cost ?? cost;
    return { index, hint: exercise.hints[index], cost: charged, nextHintCost: this.nextHintCost(state, exercise.id, index + 1) };
  }

  /** Reveals the reference solution; idempotent (the forfeit is decided by the first reveal). */
  async revealSolution(userId: string, exerciseId: string): Promise<SolutionRevealView> {
    const { exercise, state } = await this.unlocked(userId, exerciseId);
    const forfeitedXp = state.completions.has(exercise.id) ? 0 : solutionRevealCost(exercise.xp, resolveXpRules(state.course.xpRules));
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SolutionReveal)
      .values({ userId, exerciseId: exercise.id, forfeitedXp })
      .orIgnore()
      .execute();
    const reveal = await this.dataSource.getRepository(SolutionReveal).findOneByOrFail({ userId, exerciseId: exercise.id });
    return { code: exercise.solutionCode, forfeitedXp: reveal.forfeitedXp };
  }

  private locked(state: CourseState, exerciseId: string): Pick<ExerciseView, 'locked'> {
    if (state.statuses.exercises.get(exerciseId) !== 'locked') return {};
    const targetId = state.statuses.unlockAt.get(exerciseId);
    const target = targetId ? state.exercises.find((e) => e.id === targetId) : undefined;
    return {
      locked: {
        requires: state.statuses.blockers.get(exerciseId) ?? [],
        unlockAt: target ? { id: target.id, title: target.title } : null,
      },
    };
  }

  private async unlocked(userId: string, exerciseId: string) {
    const found = await this.catalog.exerciseState(userId, exerciseId);
    if (found.state.statuses.exercises.get(found.exercise.id) === 'locked') throw lockedError(found.state, found.exercise.id);
    return found;
  }

  private async revealedHints(userId: string, exerciseId: string): Promise<number[]> {
    const rows = await this.dataSource.getRepository(HintReveal).find({ where: { userId, exerciseId }, order: { hintIndex: 'ASC' } });
    return rows.map((r) => r.hintIndex);
  }

  /** Cost of hint number `alreadyRevealed` (0-based); null when there is none; 0 once solved. */
  private nextHintCost(state: CourseState, exerciseId: string, alreadyRevealed: number): number | null {
    const exercise = state.exercises.find((e) => e.id === exerciseId);
    if (!exercise || alreadyRevealed >= exercise.hints.length) return null;
    if (state.completions.has(exerciseId)) return 0;
    return hintCost(exercise.xp, resolveXpRules(state.course.xpRules), alreadyRevealed);
  }
}

/** Another request revealed this hint first: roll back this one's use of a discount. */
class HintAlreadyRevealed extends Error {}
