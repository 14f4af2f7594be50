import { Inject, Logger, OnModuleDestroy, OnModuleInit, UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_REQUESTS } from '@questline/contracts';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { LiveSocketData } from '../live/live.gateway';
import { boardRoom } from '@questline/data';
import { PERIOD_NAMES, toPeriod, type LeaderboardDto, type PeriodName } from './leaderboards.dto';
import { LeaderboardsService, type BoardChange } from './leaderboards.service';

/** Token for the push interval (ms): at most one `LIVE_EVENTS.leaderboardUpdated` per board per interval. */
export const LEADERBOARD_PUSH_INTERVAL_MS = Symbol('LEADERBOARD_PUSH_INTERVAL_MS');
export const DEFAULT_PUSH_INTERVAL_MS = 1000;

interface SubscribeBody {
  period: PeriodName;
  course?: string;
}

function parseBody(body: unknown): SubscribeBody {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { period, course } = record;
  if (typeof period !== 'string' || !(PERIOD_NAMES as readonly string[]).includes(period)) {
    throw new DomainError(ErrorCode.InvalidInput, `period must be one of ${PERIOD_NAMES.join(', ')}`);
  }
  if (course !== undefined && course !== null && (typeof course !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(course))) {
    throw new DomainError(ErrorCode.InvalidInput, 'course must be a course slug or id');
  }
  return { period: period as PeriodName, course: typeof course === 'string' ? course : undefined };
}

/**
 * Board subscriptions on the /live namespace (LiveGateway authenticates every socket of it). A subscriber joins
 * the room `lb:<period>:<course slug|global>` and gets `LIVE_EVENTS.leaderboardUpdated` (the top of the current period's
 * board) at most once per interval while awards change it. Each api process pushes to its own sockets: every
 * process learns of every completed submission (AppEvents).
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
// Global filters do not reach gateways: without this, a DomainError would reach the client as "Internal server error".
@UseFilters(AllExceptionsFilter)
export class LeaderboardsGateway implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LeaderboardsGateway.name);
  @WebSocketServer() private readonly namespace: Namespace;
  private subscription?: Subscription;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly leaderboards: LeaderboardsService,
    @Inject(LEADERBOARD_PUSH_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  /** Joins the board's room and answers with the board as it is now (with the caller's own rank). */
  @SubscribeMessage(LIVE_REQUESTS.leaderboardSubscribe)
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LeaderboardDto> {
    const { period, course } = parseBody(body);
    const found = course ? await this.leaderboards.findCourse(course) : null;
    const data = socket.data as Partial<LiveSocketData>;
    await socket.join(boardRoom(toPeriod(period), found?.slug ?? null));
    return this.leaderboards.board(toPeriod(period), found?.slug, data.user?.id ?? null);
  }

  @SubscribeMessage(LIVE_REQUESTS.leaderboardUnsubscribe)
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ left: string }> {
    const { period, course } = parseBody(body);
    const found = course ? await this.leaderboards.findCourse(course) : null;
    const room = boardRoom(toPeriod(period), found?.slug ?? null);
    await socket.leave(room);
    return { left: room };
  }

  onModuleInit(): void {
    this.subscription = this.leaderboards.changes.subscribe((change) => this.schedule(change));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Trailing throttle per board: the first change starts the interval, the push carries every change made in it. */
  private schedule(change: BoardChange): void {
    const room = boardRoom(change.period, change.courseSlug);
    if (this.timers.has(room)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      this.push(room, change).catch((error: unknown) =>
        this.logger.error(`leaderboard.updated not sent: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.intervalMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  private async push(room: string, change: BoardChange): Promise<void> {
    // Nobody here watches this board: skip the query.
    if (!this.namespace?.adapter.rooms.get(room)?.size) return;
    const board = await this.leaderboards.board(change.period, change.courseSlug ?? undefined, null);
    this.namespace.to(room).emit(LIVE_EVENTS.leaderboardUpdated, board);
  }
}
