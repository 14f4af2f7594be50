// Where ranked boards come from. Postgres (xp_awards) is the truth; with Redis configured, boards are served
// from sorted sets kept up to date after each award (by the worker, once per award: applyAwardToBoards) and
// rebuilt from Postgres when missing. The api reads them and only forgets its own cache when told of an award.
import type { EntityManager } from 'typeorm';
import type Redis from 'ioredis';
import {
  decodeTieBreakScore,
  leaderboardKeyTtlSeconds,
  periodRange,
  rankEntries,
  tieBreakScore,
  type LeaderboardRow,
  type RankedEntry,
} from '@questline/gamification';
import { learnerBoardRow, leaderboardRowsFromPostgres } from '../learner-records/leaderboard-rows';
import { boardKey, type BoardRef } from './board';

export interface BoardPage {
  entries: RankedEntry[];
  /** Learners on the board. */
  total: number;
}

export interface BoardStore {
  top(ref: BoardRef, limit: number): Promise<BoardPage>;
  /** The learner's entry, or null when they have no XP on the board. */
  entryOf(ref: BoardRef, userId: string): Promise<RankedEntry | null>;
  /** Called once after an award committed (by the worker): bring the learner's score on `ref`'s board up to date. */
  applyAward(ref: BoardRef, userId: string): Promise<void>;
  /** Called in every api process when told of an award: drop what this process cached of `ref` (no I/O). */
  forget(ref: BoardRef): void;
  /** Rebuild the board from Postgres, replacing whatever was served before. */
  rebuild(ref: BoardRef): Promise<void>;
}

/** Serves boards straight from a Postgres aggregate, cached briefly per board (the no-Redis local setup). */
export class PostgresBoardStore implements BoardStore {
  private readonly cache = new Map<string, { at: number; ranked: RankedEntry[] }>();

  constructor(
    private readonly manager: EntityManager,
    private readonly cacheMs: number,
  ) {}

  private async ranked(ref: BoardRef): Promise<RankedEntry[]> {
    const key = boardKey(ref);
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.ranked;
    const rows = await leaderboardRowsFromPostgres(this.manager, { period: ref.period, courseId: ref.course?.id ?? null, at: ref.at });
    const ranked = rankEntries(rows);
    this.cache.set(key, { at: Date.now(), ranked });
    return ranked;
  }

  async top(ref: BoardRef, limit: number): Promise<BoardPage> {
    const ranked = await this.ranked(ref);
    return { entries: ranked.slice(0, limit), total: ranked.length };
  }

  async entryOf(ref: BoardRef, userId: string): Promise<RankedEntry | null> {
    return (await this.ranked(ref)).find((e) => e.learnerId === userId) ?? null;
  }

  // PostgreSQL is the truth: nothing to write, only this process's cache to drop.
  async applyAward(ref: BoardRef): Promise<void> {
    this.forget(ref);
  }

  forget(ref: BoardRef): void {
    this.cache.delete(boardKey(ref));
  }

  async rebuild(ref: BoardRef): Promise<void> {
    this.cache.delete(boardKey(ref));
  }
}

const ZADD_CHUNK = 500;

/**
 * Redis sorted sets, one per board, member = learner id, score = tieBreakScore(xp, reachedAt).
 * A learner's score on a board only ever grows (XP only grows), so every write is `ZADD GT` and a rebuild is
 * merged with `ZUNIONSTORE ... AGGREGATE MAX`: a rebuild that read Postgres just before an award committed can
 * never overwrite the newer score. `<key>:built` marks a board loaded from Postgres; a board without it (never
 * read, expired, Redis flushed) is rebuilt on the next read.
 */
export class RedisBoardStore implements BoardStore {
  constructor(
    private readonly redis: Redis,
    private readonly manager: EntityManager,
    /** Deployment namespace, so deployments (and test runs) sharing a Redis do not mix boards. */
    private readonly prefix: string,
  ) {}

  private key(ref: BoardRef): string {
    return `${this.prefix}:${boardKey(ref)}`;
  }

  /** When the board's keys expire (null: never): a fixed time after the period starts. */
  private expireAt(ref: BoardRef): number | null {
    const ttl = leaderboardKeyTtlSeconds(ref.period);
    const { start } = periodRange(ref.period, ref.at);
    return ttl === null || !start ? null : Math.floor(start.getTime() / 1000) + ttl;
  }

  private async ensureBuilt(ref: BoardRef): Promise<void> {
    if ((await this.redis.exists(`${this.key(ref)}:built`)) === 0) await this.load(ref, 'merge');
  }

  private async load(ref: BoardRef, mode: 'merge' | 'replace'): Promise<void> {
    const key = this.key(ref);
    const rows = await leaderboardRowsFromPostgres(this.manager, { period: ref.period, courseId: ref.course?.id ?? null, at: ref.at });
    const staging = `${key}:staging:${process.pid}:${Math.random().toString(36).slice(2)}`;
    const multi = this.redis.multi();
    multi.del(staging);
    for (let i = 0; i < rows.length; i += ZADD_CHUNK) {
      const args = rows.slice(i, i + ZADD_CHUNK).flatMap((row) => [String(tieBreakScore(row.xp, row.reachedAt)), row.learnerId]);
      multi.zadd(staging, ...args);
    }
    if (mode === 'replace') multi.del(key);
    multi.zunionstore(key, 2, key, staging, 'AGGREGATE', 'MAX');
    multi.del(staging);
    multi.set(`${key}:built`, '1');
    const expireAt = this.expireAt(ref);
    if (expireAt !== null) {
      multi.expireat(key, expireAt);
      multi.expireat(`${key}:built`, expireAt);
    }
    await multi.exec();
  }

  async top(ref: BoardRef, limit: number): Promise<BoardPage> {
    await this.ensureBuilt(ref);
    const key = this.key(ref);
    const [flat, total] = await Promise.all([this.redis.zrevrange(key, 0, limit - 1, 'WITHSCORES'), this.redis.zcard(key)]);
    const entries: RankedEntry[] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push(entryFrom(flat[i], Number(flat[i + 1]), i / 2 + 1));
    return { entries, total };
  }

  async entryOf(ref: BoardRef, userId: string): Promise<RankedEntry | null> {
    await this.ensureBuilt(ref);
    const key = this.key(ref);
    const [rank, score] = await Promise.all([this.redis.zrevrank(key, userId), this.redis.zscore(key, userId)]);
    if (rank === null || score === null) return null;
    return entryFrom(userId, Number(score), rank + 1);
  }

  async applyAward(ref: BoardRef, userId: string): Promise<void> {
    const row: LeaderboardRow | null = await learnerBoardRow(
      this.manager,
      { period: ref.period, courseId: ref.course?.id ?? null, at: ref.at },
      userId,
    );
    if (!row) return;
    const key = this.key(ref);
    const multi = this.redis.multi().zadd(key, 'GT', String(tieBreakScore(row.xp, row.reachedAt)), userId);
    const expireAt = this.expireAt(ref);
    if (expireAt !== null) multi.expireat(key, expireAt);
    await multi.exec();
  }

  // Nothing cached in the process: every read goes to Redis.
  forget(): void {}

  async rebuild(ref: BoardRef): Promise<void> {
    await this.load(ref, 'replace');
  }
}

/**
 * Redis first, the Postgres aggregate when Redis fails (an outage, a restart): reads never fail because
 * Redis did. A failed applyAward is only reported: a board Redis lost is rebuilt from Postgres on its next
 * read, and one it kept catches up with the learner's next award.
 */
export class FallbackBoardStore implements BoardStore {
  constructor(
    private readonly primary: BoardStore,
    private readonly fallback: BoardStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  private async either<T>(read: (store: BoardStore) => Promise<T>): Promise<T> {
    try {
      return await read(this.primary);
    } catch (error) {
      this.onError(error);
      return read(this.fallback);
    }
  }

  top(ref: BoardRef, limit: number): Promise<BoardPage> {
    return this.either((store) => store.top(ref, limit));
  }

  entryOf(ref: BoardRef, userId: string): Promise<RankedEntry | null> {
    return this.either((store) => store.entryOf(ref, userId));
  }

  async applyAward(ref: BoardRef, userId: string): Promise<void> {
    await this.primary.applyAward(ref, userId).catch((error: unknown) => this.onError(error));
    await this.fallback.applyAward(ref, userId);
  }

  forget(ref: BoardRef): void {
    this.primary.forget(ref);
    this.fallback.forget(ref);
  }

  /** An operator's rebuild reports its failure instead of pretending. */
  rebuild(ref: BoardRef): Promise<void> {
    return this.primary.rebuild(ref);
  }
}

function entryFrom(learnerId: string, score: number, rank: number): RankedEntry {
  const { xp, reachedAt } = decodeTieBreakScore(score);
  return { learnerId, xp, reachedAt, score, rank };
}
