import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { LIVE_EVENTS, EMPTY_CELL, nextBoardCell, type BoardCell, type ClassBoardUpdatedEvent } from '@questline/contracts';
import { AppEvents, type SubmissionCompletedEvent } from '../common/app-events';
import { LiveEvents } from '../live/live-events.service';
import { ClassesService } from './classes.service';

/** How long changed cells wait to be pushed together: one emit per class and instructor per window. */
export const BOARD_PUSH_MS = 500;
/** A board nobody on this process looks at any more is forgotten after this. */
const IDLE_CHECK_MS = 60_000;

interface WatchedBoard {
  learners: Set<string>;
  instructors: string[];
  due: Map<string, Date>;
  cells: Map<string, BoardCell>;
  pending: Map<string, BoardCell>;
}

/**
 * The live class board. The api learns of each completed grading once (LiveRelay → AppEvents); this keeps,
 * for the boards an instructor on THIS process has opened, the learners, the assigned exercises with their
 * due dates and the cells in memory, and computes a cell's change from the completion event alone (no
 * database query per event or per cell). Changed cells are batched for BOARD_PUSH_MS and sent in one event
 * per class to each of its instructors. The state is (re)loaded with one query set when a board is opened
 * and when this process changes its members or assignments.
 */
@Injectable()
export class ClassBoardRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ClassBoardRelay.name);
  private readonly boards = new Map<string, WatchedBoard>();
  private subscription?: Subscription;
  private flushTimer?: NodeJS.Timeout;
  private idleTimer?: NodeJS.Timeout;

  constructor(
    private readonly appEvents: AppEvents,
    private readonly live: LiveEvents,
    private readonly classes: ClassesService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.appEvents.submissionCompleted.subscribe((event) => this.onCompleted(event));
    this.idleTimer = setInterval(() => this.forgetIdle(), IDLE_CHECK_MS);
    this.idleTimer.unref();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    clearInterval(this.idleTimer);
    clearTimeout(this.flushTimer);
  }

  /** Starts (or refreshes) following a class's board. */
  async watch(classId: string): Promise<void> {
    const state = await this.classes.boardState(classId);
    this.boards.set(classId, {
      learners: new Set(state.learners.map((l) => l.userId)),
      instructors: state.instructors,
      due: state.due,
      cells: state.cells,
      pending: this.boards.get(classId)?.pending ?? new Map<string, BoardCell>(),
    });
  }

  /** After a change of members or assignments made on this process: reload a followed board. */
  refresh(classId: string): void {
    if (!this.boards.has(classId)) return;
    this.watch(classId).catch((error: unknown) =>
      this.logger.warn(`board reload failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  isWatching(classId: string): boolean {
    return this.boards.has(classId);
  }

  private onCompleted(event: SubmissionCompletedEvent): void {
    const submittedAt = event.submittedAt ?? new Date().toISOString();
    for (const board of this.boards.values()) {
      const dueAt = board.due.get(event.exerciseId);
      if (!dueAt || !board.learners.has(event.userId)) continue;
      const key = `${event.userId}:${event.exerciseId}`;
      const cell = nextBoardCell(
        board.cells.get(key) ?? EMPTY_CELL,
        { kind: event.kind, passed: event.verdict === 'passed', submittedAt },
        dueAt.toISOString(),
      );
      board.cells.set(key, cell);
      board.pending.set(key, cell);
    }
    if (!this.flushTimer && [...this.boards.values()].some((b) => b.pending.size > 0)) {
      this.flushTimer = setTimeout(() => this.flush(), BOARD_PUSH_MS);
      this.flushTimer.unref();
    }
  }

  private flush(): void {
    this.flushTimer = undefined;
    for (const [classId, board] of this.boards) {
      if (board.pending.size === 0) continue;
      const payload: ClassBoardUpdatedEvent = {
        classId,
        cells: [...board.pending].map(([key, cell]) => {
          const [userId, exerciseId] = key.split(':');
          return { userId, exerciseId, cell };
        }),
      };
      board.pending.clear();
      for (const instructor of board.instructors) this.live.emitToUser(instructor, LIVE_EVENTS.classBoardUpdated, payload);
    }
  }

  private forgetIdle(): void {
    for (const [classId, board] of this.boards) {
      if (!board.instructors.some((id) => this.live.hasSockets(id))) this.boards.delete(classId);
    }
  }
}
