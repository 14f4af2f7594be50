// Rows the gamification tests need, written straight to the database: a course with chapters of exercises,
// and learners. (Going through pack import would test the catalog, not the XP rules.)
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export interface SeededCourse {
  id: string;
  slug: string;
  /** Exercise ids per chapter, in order. */
  chapters: string[][];
}

export async function seedCourse(
  db: DataSource | EntityManager,
  options: { chapters: number[]; xp?: number; xpRules?: Record<string, unknown>; slug?: string },
): Promise<SeededCourse> {
  const slug = options.slug ?? `course-${randomBytes(3).toString('hex')}`;
  const [course]: Array<{ id: string }> = await db.query(
    `INSERT INTO courses (slug, title, description, current_version, xp_rules, content_hash)
     VALUES ($1, $1, 'test course', '1.0.0', $2, 'hash') RETURNING id`,
    [slug, JSON.stringify(options.xpRules ?? {})],
  );
  const chapters: string[][] = [];
  let position = 0;
  for (const [c, count] of options.chapters.entries()) {
    const [chapter]: Array<{ id: string }> = await db.query(
      `INSERT INTO chapters (course_id, slug, title, position) VALUES ($1, $2, $2, $3) RETURNING id`,
      [course.id, `chapter-${c}`, c],
    );
    const ids: string[] = [];
    for (let e = 0; e < count; e += 1) {
      position += 1;
      const [exercise]: Array<{ id: string }> = await db.query(
        `INSERT INTO exercises (course_id, chapter_id, slug, title, position, language, difficulty, xp, file_name,
                                instructions, starter_code, solution_code, visible_tests, hidden_tests, hints, tests_hash, version)
         VALUES ($1, $2, $3, $3, $4, 'javascript', 1, $5, 'solution.js', 'do it', '', '', '[]', '[]', '["a","b","c","d","e"]', 'th', '1.0.0')
         RETURNING id`,
        [course.id, chapter.id, `ex-${c}-${e}`, position, options.xp ?? 100],
      );
      ids.push(exercise.id);
    }
    chapters.push(ids);
  }
  return { id: course.id, slug, chapters };
}

export async function seedUser(db: DataSource | EntityManager, options: { timezone?: string; displayName?: string } = {}): Promise<string> {
  const [user]: Array<{ id: string }> = await db.query(
    `INSERT INTO users (email, password_hash, display_name, timezone) VALUES ($1, 'x', $2, $3) RETURNING id`,
    [`${randomUUID()}@example.test`, options.displayName ?? 'Learner', options.timezone ?? 'UTC'],
  );
  return user.id;
}
