// Common mistakes (issue 16 item 3): the owner's view of failing Submits grouped per exercise by signature
// (the worker stores it: libs/sandbox mistake-signature.ts), and the notes they write on a group. A note
// is stored with the exercise's tests hash; once a later version changes the tests it "needs review" and
// the worker stops attaching it to completions.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { MISTAKE_NOTE_MAX_CHARS, type MistakeGroup, type MistakeTest, type PackMistakes } from '@questline/contracts';
import { Course, Exercise, MistakesRepository, UserRole, type User } from '@questline/data';
import { declaredTestLabel } from '@questline/exercise-format';
import { mistakeSignature } from '@questline/sandbox';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

const GROUPS_PER_EXERCISE = 10;
const SIGNATURE = /^[0-9a-f]{64}$/;

@Injectable()
export class PackMistakesService {
  private readonly mistakes: MistakesRepository;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mistakes = new MistakesRepository(dataSource);
  }

  private async ownedCourse(user: User, slug: string): Promise<Course> {
    const course = await this.dataSource.getRepository(Course).findOneBy({ slug });
    if (!course) throw new DomainError(ErrorCode.NotFound, `No pack "${slug}"`);
    if (user.role !== UserRole.Admin && course.ownerId !== user.id) {
      throw new DomainError(ErrorCode.Forbidden, "Only the pack's owner or an admin can see its common mistakes");
    }
    return course;
  }

  async list(user: User, slug: string): Promise<PackMistakes> {
    const course = await this.ownedCourse(user, slug);
    const exercises = await this.dataSource.getRepository(Exercise).find({
      where: { courseId: course.id, removedAt: IsNull() },
      order: { position: 'ASC' },
    });
    const groups = await this.mistakes.groups(course.id, GROUPS_PER_EXERCISE);
    return {
      slug: course.slug,
      exercises: exercises.map((exercise) => {
        const files = [...exercise.visibleTests, ...exercise.hiddenTests];
        return {
          slug: exercise.slug,
          title: exercise.title,
          groups: groups
            .filter((g) => g.exerciseId === exercise.id)
            .map((g): MistakeGroup => {
              const described = g.examples[0] ? mistakeSignature(g.examples[0].result) : null;
              const tests: MistakeTest[] = (described?.parts ?? []).map((p) => ({
                id: p.test,
                label: declaredTestLabel(p.test, files),
                message: p.message,
              }));
              return {
                signature: g.signature,
                verdict: described?.verdict ?? 'failed',
                submits: g.submits,
                learners: g.learners,
                tests,
                examples: g.examples.map((e) => ({ code: e.code })),
                note: g.note,
                needsReview: g.note !== null && g.noteTestsHash !== exercise.testsHash,
              };
            }),
        };
      }),
    };
  }

  async saveNote(user: User, slug: string, exerciseSlug: string, signature: string, body: unknown): Promise<void> {
    const course = await this.ownedCourse(user, slug);
    const note = (body as { note?: unknown } | null)?.note;
    if (typeof note !== 'string') throw new DomainError(ErrorCode.InvalidInput, 'note must be a string');
    const trimmed = note.trim();
    if (trimmed.length > MISTAKE_NOTE_MAX_CHARS) {
      throw new DomainError(ErrorCode.InvalidInput, `note must be at most ${MISTAKE_NOTE_MAX_CHARS} characters`);
    }
    if (!SIGNATURE.test(signature)) throw new DomainError(ErrorCode.InvalidInput, 'signature must be 64 hex digits');
    const exercise = await this.dataSource
      .getRepository(Exercise)
      .findOneBy({ courseId: course.id, slug: exerciseSlug, removedAt: IsNull() });
    if (!exercise) throw new DomainError(ErrorCode.NotFound, `No exercise "${exerciseSlug}" in pack "${slug}"`);
    if (!(await this.mistakes.groupExists(exercise.id, signature))) {
      throw new DomainError(ErrorCode.NotFound, 'No failing Submit of this exercise has that signature');
    }
    await this.mistakes.saveNote(exercise.id, signature, trimmed, exercise.testsHash, user.id);
  }
}
