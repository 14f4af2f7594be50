// Every statement about classes, class_members, class_invites and class_assignments (issue 15), and the
// read-only aggregates over submissions the class board and gradebook need. Nest-free.
import type { DataSource } from 'typeorm';

export type ClassMemberRole = 'learner' | 'instructor';

export interface ClassRecord {
  id: string;
  name: string;
  timeZone: string;
  ownerId: string;
  createdAt: Date;
}

export interface ClassWithRole extends ClassRecord {
  role: ClassMemberRole;
}

export interface ClassMemberRecord {
  userId: string;
  displayName: string;
  role: ClassMemberRole;
  joinedAt: Date;
}

export interface ClassInviteRecord {
  id: string;
  classId: string;
  code: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface ClassAssignmentRecord {
  id: string;
  classId: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  chapterId: string | null;
  exerciseId: string | null;
  title: string;
  opensAt: Date;
  dueAt: Date;
  exerciseIds: string[];
}

/** One learner's graded work on one exercise, aggregated (the board's and gradebook's source). */
export interface ExerciseWorkRecord {
  userId: string;
  exerciseId: string;
  /** Completed Submits. */
  attempts: number;
  /** Creation time of the first passing Submit. */
  firstSolvedAt: Date | null;
  passedRun: boolean;
  anyGraded: boolean;
}

export interface AttemptRecord {
  id: string;
  kind: 'run' | 'submit';
  code: string;
  verdict: string | null;
  result: unknown;
  revealHiddenTestNames: boolean;
  createdAt: Date;
  completedAt: Date | null;
}

/** Raw rows (snake_case), as PostgreSQL answers them. */
interface ClassRow {
  id: string;
  name: string;
  time_zone: string;
  owner_id: string;
  created_at: Date;
  role?: ClassMemberRole;
}
interface InviteRow {
  id: string;
  class_id: string;
  code: string;
  expires_at: Date;
  revoked_at: Date | null;
}
interface MemberRow {
  user_id: string;
  display_name: string;
  role: ClassMemberRole;
  joined_at: Date;
}
interface AssignmentRow {
  id: string;
  class_id: string;
  course_id: string;
  course_slug: string;
  course_title: string;
  chapter_id: string | null;
  exercise_id: string | null;
  title: string;
  opens_at: Date;
  due_at: Date;
  exercise_ids: string[];
}
interface WorkRow {
  user_id: string;
  exercise_id: string;
  attempts: number;
  first_solved_at: Date | null;
  passed_run: boolean | null;
}
interface AttemptRow {
  id: string;
  kind: 'run' | 'submit';
  code: string;
  verdict: string | null;
  result: unknown;
  created_at: Date;
  completed_at: Date | null;
  reveal_hidden_test_names: boolean;
}

const toClass = (r: ClassRow): ClassRecord => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  ownerId: r.owner_id,
  createdAt: r.created_at,
});
const toInvite = (r: InviteRow): ClassInviteRecord => ({
  id: r.id,
  classId: r.class_id,
  code: r.code,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export class ClassesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A statement's rows, typed by the caller (the driver answers `any`). */
  private async rows<T>(sql: string, params: unknown[], manager: Pick<DataSource, 'query'> = this.dataSource): Promise<T[]> {
    return (await manager.query(sql, params)) as T[];
  }

  /** The class and its owner as its first instructor, in one transaction. */
  async create(ownerId: string, name: string, timeZone: string): Promise<ClassRecord> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await this.rows<ClassRow>(
        `INSERT INTO classes (name, time_zone, owner_id) VALUES ($1, $2, $3) RETURNING *`,
        [name, timeZone, ownerId],
        m,
      );
      await m.query(`INSERT INTO class_members (class_id, user_id, role) VALUES ($1, $2, 'instructor')`, [row.id, ownerId]);
      return toClass(row);
    });
  }

  async find(classId: string): Promise<ClassRecord | null> {
    const rows = await this.rows<ClassRow>(`SELECT * FROM classes WHERE id = $1`, [classId]);
    return rows[0] ? toClass(rows[0]) : null;
  }

  /** The caller's role in the class, or null when not a member. */
  async roleOf(classId: string, userId: string): Promise<ClassMemberRole | null> {
    const rows = await this.rows<{ role: ClassMemberRole }>(`SELECT role FROM class_members WHERE class_id = $1 AND user_id = $2`, [
      classId,
      userId,
    ]);
    return rows[0]?.role ?? null;
  }

  async listForUser(userId: string): Promise<ClassWithRole[]> {
    const rows = await this.rows<ClassRow & { role: ClassMemberRole }>(
      `SELECT c.*, m.role FROM class_members m JOIN classes c ON c.id = m.class_id WHERE m.user_id = $1 ORDER BY c.created_at DESC`,
      [userId],
    );
    return rows.map((r) => ({ ...toClass(r), role: r.role }));
  }

  async members(classId: string): Promise<ClassMemberRecord[]> {
    const rows = await this.rows<MemberRow>(
      `SELECT m.user_id, u.display_name, m.role, m.joined_at FROM class_members m JOIN users u ON u.id = m.user_id
        WHERE m.class_id = $1 ORDER BY m.role, lower(u.display_name), m.user_id`,
      [classId],
    );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, joinedAt: r.joined_at }));
  }

  /** Adds a learner (no-op when already a member: an instructor stays one). Returns whether a row was added. */
  async addLearner(classId: string, userId: string): Promise<boolean> {
    const rows = await this.rows<{ user_id: string }>(
      `INSERT INTO class_members (class_id, user_id, role) VALUES ($1, $2, 'learner') ON CONFLICT DO NOTHING RETURNING user_id`,
      [classId, userId],
    );
    return rows.length > 0;
  }

  /** Makes the user an instructor of the class (promoting a learner member). */
  async addInstructor(classId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO class_members (class_id, user_id, role) VALUES ($1, $2, 'instructor')
       ON CONFLICT (class_id, user_id) DO UPDATE SET role = 'instructor'`,
      [classId, userId],
    );
  }

  async removeMember(classId: string, userId: string): Promise<boolean> {
    const rows = await this.rows<{ user_id: string }>(`DELETE FROM class_members WHERE class_id = $1 AND user_id = $2 RETURNING user_id`, [
      classId,
      userId,
    ]);
    return rows.length > 0;
  }

  async userIdByEmail(email: string): Promise<string | null> {
    const rows = await this.rows<{ id: string }>(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows[0]?.id ?? null;
  }

  async createInvite(classId: string, code: string, expiresAt: Date, createdBy: string): Promise<ClassInviteRecord> {
    const [row] = await this.rows<InviteRow>(
      `INSERT INTO class_invites (class_id, code, expires_at, created_by) VALUES ($1, $2, $3, $4) RETURNING *`,
      [classId, code, expiresAt, createdBy],
    );
    return toInvite(row);
  }

  async invites(classId: string): Promise<ClassInviteRecord[]> {
    const rows = await this.rows<InviteRow>(`SELECT * FROM class_invites WHERE class_id = $1 ORDER BY created_at DESC`, [classId]);
    return rows.map(toInvite);
  }

  async findInvite(code: string): Promise<ClassInviteRecord | null> {
    const rows = await this.rows<InviteRow>(`SELECT * FROM class_invites WHERE code = $1`, [code]);
    return rows[0] ? toInvite(rows[0]) : null;
  }

  async revokeInvite(classId: string, code: string): Promise<boolean> {
    const rows = await this.rows<{ id: string }>(
      `UPDATE class_invites SET revoked_at = coalesce(revoked_at, now()) WHERE class_id = $1 AND code = $2 RETURNING id`,
      [classId, code],
    );
    return rows.length > 0;
  }

  /** Revokes every live invite of the class (before a regenerate). */
  async revokeAllInvites(classId: string): Promise<void> {
    await this.dataSource.query(`UPDATE class_invites SET revoked_at = now() WHERE class_id = $1 AND revoked_at IS NULL`, [classId]);
  }

  /** Whether the chapter / exercise exist and belong to the course (and the exercise to the chapter). */
  async targetExists(courseId: string, chapterId: string | null, exerciseId: string | null): Promise<boolean> {
    const rows = await this.rows<{ '?column?': number }>(
      `SELECT 1 FROM courses c
        WHERE c.id = $1
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM chapters ch WHERE ch.id = $2 AND ch.course_id = c.id))
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM exercises e WHERE e.id = $3 AND e.course_id = c.id
                                             AND e.removed_at IS NULL AND ($2::uuid IS NULL OR e.chapter_id = $2)))`,
      [courseId, chapterId, exerciseId],
    );
    return rows.length > 0;
  }

  async createAssignment(
    classId: string,
    target: { courseId: string; chapterId: string | null; exerciseId: string | null },
    opensAt: Date,
    dueAt: Date,
    createdBy: string,
  ): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO class_assignments (class_id, course_id, chapter_id, exercise_id, opens_at, due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [classId, target.courseId, target.chapterId, target.exerciseId, opensAt, dueAt, createdBy],
    );
    return row.id;
  }

  async deleteAssignment(classId: string, assignmentId: string): Promise<boolean> {
    const rows = await this.rows<{ id: string }>(`DELETE FROM class_assignments WHERE class_id = $1 AND id = $2 RETURNING id`, [
      classId,
      assignmentId,
    ]);
    return rows.length > 0;
  }

  /** Assignments of the given classes with what they cover (course order), oldest due first. */
  async assignments(classIds: string[]): Promise<ClassAssignmentRecord[]> {
    if (classIds.length === 0) return [];
    const rows = await this.rows<AssignmentRow>(
      `SELECT a.*, co.slug AS course_slug, co.title AS course_title,
              coalesce(ex.title, ch.title, co.title) AS title,
              coalesce((SELECT array_agg(e.id ORDER BY coalesce(c2.position, 0), e.position)
                          FROM exercises e LEFT JOIN chapters c2 ON c2.id = e.chapter_id
                         WHERE e.course_id = a.course_id AND e.removed_at IS NULL
                           AND (a.chapter_id IS NULL OR e.chapter_id = a.chapter_id)
                           AND (a.exercise_id IS NULL OR e.id = a.exercise_id)), '{}') AS exercise_ids
         FROM class_assignments a
         JOIN courses co ON co.id = a.course_id
         LEFT JOIN chapters ch ON ch.id = a.chapter_id
         LEFT JOIN exercises ex ON ex.id = a.exercise_id
        WHERE a.class_id = ANY($1::uuid[])
        ORDER BY a.due_at, a.created_at`,
      [classIds],
    );
    return rows.map((r) => ({
      id: r.id,
      classId: r.class_id,
      courseId: r.course_id,
      courseSlug: r.course_slug,
      courseTitle: r.course_title,
      chapterId: r.chapter_id,
      exerciseId: r.exercise_id,
      title: r.title,
      opensAt: r.opens_at,
      dueAt: r.due_at,
      exerciseIds: r.exercise_ids,
    }));
  }

  async exerciseTitles(exerciseIds: string[]): Promise<Map<string, string>> {
    if (exerciseIds.length === 0) return new Map();
    const rows = await this.rows<{ id: string; title: string }>(`SELECT id, title FROM exercises WHERE id = ANY($1::uuid[])`, [
      exerciseIds,
    ]);
    return new Map(rows.map((r) => [r.id, r.title] as const));
  }

  /**
   * Graded work of these learners on these exercises, one aggregate query. `dueAt` is not applied here:
   * lateness is decided by the caller with the one rule (contracts `isLate`) on `firstSolvedAt`.
   */
  async work(userIds: string[], exerciseIds: string[]): Promise<ExerciseWorkRecord[]> {
    if (userIds.length === 0 || exerciseIds.length === 0) return [];
    const rows = await this.rows<WorkRow>(
      `SELECT user_id, exercise_id,
              count(*) FILTER (WHERE kind = 'submit')::int AS attempts,
              min(created_at) FILTER (WHERE kind = 'submit' AND verdict = 'passed') AS first_solved_at,
              bool_or(kind = 'run' AND verdict = 'passed') AS passed_run
         FROM submissions
        WHERE user_id = ANY($1::uuid[]) AND exercise_id = ANY($2::uuid[]) AND status = 'completed'
        GROUP BY user_id, exercise_id`,
      [userIds, exerciseIds],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      exerciseId: r.exercise_id,
      attempts: r.attempts,
      firstSolvedAt: r.first_solved_at,
      passedRun: r.passed_run === true,
      anyGraded: true,
    }));
  }

  /** One learner's submissions on one exercise, newest first (at most 100). */
  async attempts(userId: string, exerciseId: string): Promise<AttemptRecord[]> {
    const rows = await this.rows<AttemptRow>(
      `SELECT s.id, s.kind, s.code, s.verdict, s.result, s.created_at, s.completed_at, e.reveal_hidden_test_names
         FROM submissions s JOIN exercises e ON e.id = s.exercise_id
        WHERE s.user_id = $1 AND s.exercise_id = $2 ORDER BY s.created_at DESC LIMIT 100`,
      [userId, exerciseId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      code: r.code,
      verdict: r.verdict,
      result: r.result,
      revealHiddenTestNames: r.reveal_hidden_test_names,
      createdAt: r.created_at,
      completedAt: r.completed_at,
    }));
  }

  async hintReveals(userId: string, exerciseId: string): Promise<Array<{ index: number; revealedAt: Date }>> {
    const rows = await this.rows<{ hint_index: number; revealed_at: Date }>(
      `SELECT hint_index, revealed_at FROM hint_reveals WHERE user_id = $1 AND exercise_id = $2 ORDER BY hint_index`,
      [userId, exerciseId],
    );
    return rows.map((r) => ({ index: r.hint_index, revealedAt: r.revealed_at }));
  }

  /** Whether the user teaches a class that has an assignment on the course (class statistics, item 5). */
  async teachesCourse(userId: string, courseId: string): Promise<boolean> {
    const rows = await this.rows<{ '?column?': number }>(
      `SELECT 1 FROM class_assignments a JOIN class_members m ON m.class_id = a.class_id
        WHERE m.user_id = $1 AND m.role = 'instructor' AND a.course_id = $2 LIMIT 1`,
      [userId, courseId],
    );
    return rows.length > 0;
  }
}
