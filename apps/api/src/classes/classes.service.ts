import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  EMPTY_CELL,
  isLate,
  type BoardCell,
  type ClassAssignmentView,
  type ClassBoard,
  type ClassInviteView,
  type ClassMemberView,
  type ClassSummary,
  type CreateAssignmentRequest,
  type Gradebook,
  type JoinClassResult,
  type LearnerAttempts,
  type MyAssignmentView,
} from '@questline/contracts';
import { ClassesRepository, UserRole, type ClassAssignmentRecord, type ClassRecord, type ExerciseWorkRecord } from '@questline/data';
import { maskHiddenTests } from '@questline/sandbox';
import type { AuthUser } from '../auth';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isUuid } from '../common/uuid';

const DEFAULT_INVITE_HOURS = 168;

const summary = (c: ClassRecord, role: ClassSummary['role']): ClassSummary => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  ownerId: c.ownerId,
  role,
  createdAt: c.createdAt.toISOString(),
});

export const assignmentView = (a: ClassAssignmentRecord): ClassAssignmentView => ({
  id: a.id,
  classId: a.classId,
  courseId: a.courseId,
  courseSlug: a.courseSlug,
  courseTitle: a.courseTitle,
  chapterId: a.chapterId,
  exerciseId: a.exerciseId,
  title: a.title,
  opensAt: a.opensAt.toISOString(),
  dueAt: a.dueAt.toISOString(),
  exerciseIds: a.exerciseIds,
});

/** The board's cell from the aggregated work (the live relay moves it on with `nextBoardCell`). */
export function cellOf(work: ExerciseWorkRecord | undefined, dueAt: Date): BoardCell {
  if (!work) return EMPTY_CELL;
  const firstSolvedAt = work.firstSolvedAt ? work.firstSolvedAt.toISOString() : null;
  let state: BoardCell['state'] = 'attempted';
  if (firstSolvedAt) state = isLate(firstSolvedAt, dueAt) ? 'solved_late' : 'solved';
  else if (work.passedRun) state = 'passing_run';
  return { state, attempts: work.attempts, firstSolvedAt };
}

/** Columns: every assigned exercise once, with the latest due date among the assignments covering it. */
export function boardColumns(assignments: ClassAssignmentRecord[]): Map<string, Date> {
  const due = new Map<string, Date>();
  for (const a of assignments) {
    for (const id of a.exerciseIds) {
      const seen = due.get(id);
      if (!seen || seen < a.dueAt) due.set(id, a.dueAt);
    }
  }
  return due;
}

@Injectable()
export class ClassesService {
  readonly repo: ClassesRepository;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = new ClassesRepository(dataSource);
  }

  /** The class, when the caller may act on it with `need` (admins may do everything). */
  async authorize(
    user: AuthUser,
    classId: string,
    need: 'member' | 'instructor' | 'owner',
  ): Promise<{ cls: ClassRecord; role: ClassSummary['role'] }> {
    if (!isUuid(classId)) throw new DomainError(ErrorCode.NotFound, 'No such class');
    const cls = await this.repo.find(classId);
    const role = cls ? await this.repo.roleOf(classId, user.id) : null;
    const admin = user.role === UserRole.Admin;
    // A class the caller may not see does not exist for them: 404, not 403, so ids cannot be probed.
    if (!cls || (!role && !admin)) throw new DomainError(ErrorCode.NotFound, 'No such class');
    if (admin) return { cls, role: role ?? 'instructor' };
    if (need === 'instructor' && role !== 'instructor')
      throw new DomainError(ErrorCode.Forbidden, 'Only the class instructors may do this');
    if (need === 'owner' && cls.ownerId !== user.id) throw new DomainError(ErrorCode.Forbidden, 'Only the class owner may do this');
    return { cls, role: role ?? 'learner' };
  }

  async create(user: AuthUser, name: string, timeZone: string): Promise<ClassSummary> {
    const trimmed = name.trim();
    if (!trimmed) throw new DomainError(ErrorCode.InvalidInput, 'name must not be blank');
    return summary(await this.repo.create(user.id, trimmed, timeZone), 'instructor');
  }

  async list(user: AuthUser): Promise<ClassSummary[]> {
    return (await this.repo.listForUser(user.id)).map((c) => summary(c, c.role));
  }

  async get(user: AuthUser, classId: string): Promise<ClassSummary> {
    const { cls, role } = await this.authorize(user, classId, 'member');
    return summary(cls, role);
  }

  async members(user: AuthUser, classId: string): Promise<ClassMemberView[]> {
    await this.authorize(user, classId, 'instructor');
    return (await this.repo.members(classId)).map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
  }

  async addInstructor(user: AuthUser, classId: string, email: string): Promise<ClassMemberView[]> {
    await this.authorize(user, classId, 'owner');
    const userId = await this.repo.userIdByEmail(email);
    if (!userId) throw new DomainError(ErrorCode.NotFound, `No user with email ${email}`);
    await this.repo.addInstructor(classId, userId);
    return this.members(user, classId);
  }

  async removeMember(user: AuthUser, classId: string, memberId: string): Promise<void> {
    const { cls } = await this.authorize(user, classId, 'instructor');
    if (!isUuid(memberId)) throw new DomainError(ErrorCode.NotFound, 'No such member');
    if (memberId === cls.ownerId) throw new DomainError(ErrorCode.Conflict, 'The owner cannot be removed from their class');
    const role = await this.repo.roleOf(classId, memberId);
    if (role === 'instructor' && user.id !== cls.ownerId && user.role !== UserRole.Admin) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the class owner may remove an instructor');
    }
    if (!(await this.repo.removeMember(classId, memberId))) throw new DomainError(ErrorCode.NotFound, 'No such member');
  }

  async createInvite(user: AuthUser, classId: string, hours = DEFAULT_INVITE_HOURS, regenerate = false): Promise<ClassInviteView> {
    await this.authorize(user, classId, 'instructor');
    if (regenerate) await this.repo.revokeAllInvites(classId);
    const code = randomBytes(9).toString('base64url');
    const invite = await this.repo.createInvite(classId, code, new Date(Date.now() + hours * 3_600_000), user.id);
    return inviteView(invite);
  }

  async invites(user: AuthUser, classId: string): Promise<ClassInviteView[]> {
    await this.authorize(user, classId, 'instructor');
    return (await this.repo.invites(classId)).map(inviteView);
  }

  async revokeInvite(user: AuthUser, classId: string, code: string): Promise<void> {
    await this.authorize(user, classId, 'instructor');
    if (!(await this.repo.revokeInvite(classId, code))) throw new DomainError(ErrorCode.NotFound, 'No such invite');
  }

  async join(user: AuthUser, code: string): Promise<JoinClassResult> {
    const invite = /^[A-Za-z0-9_-]{4,64}$/.test(code) ? await this.repo.findInvite(code) : null;
    if (!invite) throw new DomainError(ErrorCode.NotFound, 'This join code does not exist');
    if (invite.revokedAt) throw new DomainError(ErrorCode.Conflict, 'This join code was revoked: ask your instructor for a new one');
    if (invite.expiresAt.getTime() <= Date.now())
      throw new DomainError(ErrorCode.Conflict, 'This join code has expired: ask your instructor for a new one');
    const cls = await this.repo.find(invite.classId);
    if (!cls) throw new DomainError(ErrorCode.NotFound, 'This join code does not exist');
    const joined = await this.repo.addLearner(cls.id, user.id);
    const role = (await this.repo.roleOf(cls.id, user.id)) ?? 'learner';
    return { class: summary(cls, role), joined };
  }

  async createAssignment(user: AuthUser, classId: string, body: CreateAssignmentRequest): Promise<ClassAssignmentView> {
    await this.authorize(user, classId, 'instructor');
    const opensAt = new Date(body.opensAt);
    const dueAt = new Date(body.dueAt);
    if (dueAt < opensAt) throw new DomainError(ErrorCode.InvalidInput, 'dueAt must not be before opensAt');
    const target = { courseId: body.courseId, chapterId: body.chapterId ?? null, exerciseId: body.exerciseId ?? null };
    if (!(await this.repo.targetExists(target.courseId, target.chapterId, target.exerciseId))) {
      throw new DomainError(ErrorCode.InvalidInput, 'No such course, or the chapter/exercise is not part of it');
    }
    const id = await this.repo.createAssignment(classId, target, opensAt, dueAt, user.id);
    const created = (await this.repo.assignments([classId])).find((a) => a.id === id);
    if (!created) throw new DomainError(ErrorCode.NotFound, 'No such assignment');
    return assignmentView(created);
  }

  async assignments(user: AuthUser, classId: string): Promise<ClassAssignmentView[]> {
    const { role } = await this.authorize(user, classId, 'member');
    const now = Date.now();
    // Learners see an assignment once it opens; instructors see them all.
    return (await this.repo.assignments([classId])).filter((a) => role === 'instructor' || a.opensAt.getTime() <= now).map(assignmentView);
  }

  async deleteAssignment(user: AuthUser, classId: string, assignmentId: string): Promise<void> {
    await this.authorize(user, classId, 'instructor');
    if (!isUuid(assignmentId) || !(await this.repo.deleteAssignment(classId, assignmentId))) {
      throw new DomainError(ErrorCode.NotFound, 'No such assignment');
    }
  }

  /** "Assigned to me": open assignments of every class the caller learns in. */
  async mine(user: AuthUser): Promise<MyAssignmentView[]> {
    const classes = (await this.repo.listForUser(user.id)).filter((c) => c.role === 'learner');
    const byId = new Map(classes.map((c) => [c.id, c]));
    const now = Date.now();
    return (await this.repo.assignments(classes.map((c) => c.id)))
      .filter((a) => a.opensAt.getTime() <= now)
      .map((a) => ({ ...assignmentView(a), className: byId.get(a.classId)?.name ?? '', timeZone: byId.get(a.classId)?.timeZone ?? 'UTC' }));
  }

  /** What the board shows and what the live relay keeps: learners, columns with due dates, cells. */
  async boardState(classId: string): Promise<{
    learners: Array<{ userId: string; displayName: string }>;
    instructors: string[];
    due: Map<string, Date>;
    cells: Map<string, BoardCell>;
  }> {
    const members = await this.repo.members(classId);
    const learners = members.filter((m) => m.role === 'learner').map((m) => ({ userId: m.userId, displayName: m.displayName }));
    const instructors = members.filter((m) => m.role === 'instructor').map((m) => m.userId);
    const due = boardColumns(await this.repo.assignments([classId]));
    const work = await this.repo.work(
      learners.map((l) => l.userId),
      [...due.keys()],
    );
    const cells = new Map<string, BoardCell>();
    for (const w of work) cells.set(`${w.userId}:${w.exerciseId}`, cellOf(w, due.get(w.exerciseId) ?? new Date(0)));
    return { learners, instructors, due, cells };
  }

  async board(user: AuthUser, classId: string): Promise<ClassBoard> {
    await this.authorize(user, classId, 'instructor');
    const state = await this.boardState(classId);
    const titles = await this.repo.exerciseTitles([...state.due.keys()]);
    const cells: ClassBoard['cells'] = {};
    for (const [key, cell] of state.cells) {
      const [userId, exerciseId] = key.split(':');
      (cells[userId] ??= {})[exerciseId] = cell;
    }
    return {
      classId,
      columns: [...state.due].map(([exerciseId, dueAt]) => ({
        exerciseId,
        title: titles.get(exerciseId) ?? '',
        dueAt: dueAt.toISOString(),
      })),
      learners: state.learners,
      cells,
    };
  }

  async learnerAttempts(user: AuthUser, classId: string, learnerId: string, exerciseId: string): Promise<LearnerAttempts> {
    await this.authorize(user, classId, 'instructor');
    if (!isUuid(learnerId) || (await this.repo.roleOf(classId, learnerId)) !== 'learner')
      throw new DomainError(ErrorCode.NotFound, 'No such learner in this class');
    const due = boardColumns(await this.repo.assignments([classId]));
    const dueAt = isUuid(exerciseId) ? due.get(exerciseId) : undefined;
    if (!dueAt) throw new DomainError(ErrorCode.NotFound, 'This exercise is not assigned to the class');
    const rows = await this.repo.attempts(learnerId, exerciseId);
    const hints = await this.repo.hintReveals(learnerId, exerciseId);
    return {
      userId: learnerId,
      exerciseId,
      attempts: rows.map((r) => {
        const masked = r.result
          ? maskHiddenTests(r.result as Parameters<typeof maskHiddenTests>[0], { revealNames: r.revealHiddenTestNames })
          : null;
        return {
          submissionId: r.id,
          kind: r.kind,
          code: r.code,
          verdict: r.verdict,
          tests: masked?.tests ?? [],
          createdAt: r.createdAt.toISOString(),
          completedAt: r.completedAt ? r.completedAt.toISOString() : null,
          late: r.kind === 'submit' && isLate(r.createdAt, dueAt),
        };
      }),
      hintsRevealed: hints.map((h) => ({ index: h.index, revealedAt: h.revealedAt.toISOString() })),
    };
  }

  async gradebook(user: AuthUser, classId: string): Promise<Gradebook> {
    await this.authorize(user, classId, 'instructor');
    const assignments = await this.repo.assignments([classId]);
    const learners = (await this.repo.members(classId)).filter((m) => m.role === 'learner');
    const work = await this.repo.work(
      learners.map((l) => l.userId),
      [...boardColumns(assignments).keys()],
    );
    const byKey = new Map(work.map((w) => [`${w.userId}:${w.exerciseId}`, w]));
    return {
      classId,
      assignments: assignments.map((a) => ({ id: a.id, title: a.title, dueAt: a.dueAt.toISOString() })),
      rows: learners.map((l) => {
        const entries: Gradebook['rows'][number]['assignments'] = {};
        for (const a of assignments) {
          let attempts = 0;
          let last: Date | null = null;
          let solvedAll = a.exerciseIds.length > 0;
          for (const id of a.exerciseIds) {
            const w = byKey.get(`${l.userId}:${id}`);
            attempts += w?.attempts ?? 0;
            if (!w?.firstSolvedAt) solvedAll = false;
            else if (!last || w.firstSolvedAt > last) last = w.firstSolvedAt;
          }
          // Solved = every exercise it covers solved; first solved at = when the last of them was first solved.
          const firstSolvedAt = solvedAll && last ? last.toISOString() : null;
          entries[a.id] = { solved: solvedAll, firstSolvedAt, attempts, late: firstSolvedAt !== null && isLate(firstSolvedAt, a.dueAt) };
        }
        return { userId: l.userId, displayName: l.displayName, assignments: entries };
      }),
    };
  }
}

function inviteView(invite: { code: string; expiresAt: Date; revokedAt: Date | null }): ClassInviteView {
  return {
    code: invite.code,
    path: `/join/${invite.code}`,
    expiresAt: invite.expiresAt.toISOString(),
    revokedAt: invite.revokedAt ? invite.revokedAt.toISOString() : null,
  };
}
