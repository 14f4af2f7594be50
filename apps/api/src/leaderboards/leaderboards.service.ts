import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { Subject } from 'rxjs';
import { DataSource, In } from 'typeorm';
import { boardsOfAward, Course, User, type BoardCourse, type BoardRef, type BoardStore } from '@questline/data';
import { LEADERBOARD_PERIODS, periodKey, type LeaderboardPeriod, type RankedEntry } from '@questline/gamification';
import type { AwardData } from '@questline/jobs';
import { AppEvents } from '../common/app-events';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { DEFAULT_LIMIT, type LeaderboardDto, type LeaderboardEntryDto } from './leaderboards.dto';
import { isUuid } from '../common/uuid';

export const BOARD_STORE = Symbol('BOARD_STORE');

/** A board whose scores changed (for `LIVE_EVENTS.leaderboardUpdated`). */
export interface BoardChange {
  period: LeaderboardPeriod;
  courseSlug: string | null;
}

@Injectable()
export class LeaderboardsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LeaderboardsService.name);
  private subscription?: Subscription;
  /** Boards changed by an award applied in this process. */
  readonly changes = new Subject<BoardChange>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BOARD_STORE) private readonly store: BoardStore,
    private readonly events: AppEvents,
  ) {}

  /** A course by slug or id; 404 when there is none. */
  async findCourse(slugOrId: string): Promise<BoardCourse> {
    const repo = this.dataSource.getRepository(Course);
    const course = (await repo.findOneBy({ slug: slugOrId })) ?? (isUuid(slugOrId) ? await repo.findOneBy({ id: slugOrId }) : null);
    if (!course) throw new DomainError(ErrorCode.NotFound, `No course "${slugOrId}"`);
    return { id: course.id, slug: course.slug, title: course.title };
  }

  async board(
    period: LeaderboardPeriod,
    courseSlugOrId: string | undefined,
    callerId: string | null,
    limit = DEFAULT_LIMIT,
    at = new Date(),
  ): Promise<LeaderboardDto> {
    const course = courseSlugOrId ? await this.findCourse(courseSlugOrId) : null;
    const ref: BoardRef = { period, course, at };
    const [page, mine] = await Promise.all([this.store.top(ref, limit), callerId ? this.store.entryOf(ref, callerId) : null]);
    const names = await this.displayNames([...page.entries.map((e) => e.learnerId), ...(mine ? [mine.learnerId] : [])]);
    const view = (entry: RankedEntry): LeaderboardEntryDto => ({
      rank: entry.rank,
      userId: entry.learnerId,
      displayName: names.get(entry.learnerId) ?? 'Former learner',
      xp: entry.xp,
      reachedAt: entry.reachedAt.toISOString(),
      isMe: entry.learnerId === callerId,
    });
    return {
      period,
      periodKey: periodKey(period, at),
      course: course ? { slug: course.slug, title: course.title } : null,
      entries: page.entries.map(view),
      me: mine ? view(mine) : null,
      total: page.total,
    };
  }

  /** Reload every board holding `at` for the course (or every course when omitted) from Postgres. */
  async rebuild(at = new Date(), courseSlugOrId?: string): Promise<number> {
    const courses: Array<BoardCourse | null> = courseSlugOrId
      ? [await this.findCourse(courseSlugOrId)]
      : [null, ...(await this.dataSource.getRepository(Course).find()).map((c) => ({ id: c.id, slug: c.slug, title: c.title }))];
    let boards = 0;
    for (const course of courses) {
      for (const period of LEADERBOARD_PERIODS) {
        await this.store.rebuild({ period, course, at });
        boards += 1;
      }
    }
    return boards;
  }

  onModuleInit(): void {
    this.subscription = this.events.submissionCompleted.subscribe((event) => {
      if (event.kind === 'submit' && event.award) this.awardApplied(event.award);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.changes.complete();
  }

  /**
   * An award's six boards (3 periods × global and course) changed: the worker already wrote them to the board
   * store, once. This process only drops what it cached of them and schedules `LIVE_EVENTS.leaderboardUpdated` for its
   * own subscribers — no database access per award.
   */
  awardApplied(award: AwardData): void {
    for (const ref of boardsOfAward({ course: award.course, awardedAt: new Date(award.awardedAt) })) {
      this.store.forget(ref);
      this.changes.next({ period: ref.period, courseSlug: ref.course?.slug ?? null });
    }
  }

  private async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.dataSource
      .getRepository(User)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
