import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DRAFT_MAX_BYTES, LIVE_EVENTS, type Draft, type Workspace } from '@questline/contracts';
import { DraftsRepository, SubmissionsRepository, type DraftRecord } from '@questline/data';
import { CatalogService } from '../catalog';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isUuid } from '../common/uuid';
import { LiveEvents } from '../live/live-events.service';

const toDraft = (row: DraftRecord): Draft => ({
  exerciseId: row.exerciseId,
  code: row.code,
  revision: row.revision,
  tabId: row.tabId,
  updatedAt: row.updatedAt.toISOString(),
});

/** Server-side drafts (autosaved per learner and exercise) and the code a solved exercise reopens with. */
@Injectable()
export class DraftsService {
  private readonly drafts: DraftsRepository;
  private readonly submissions: SubmissionsRepository;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly live: LiveEvents,
  ) {
    this.drafts = new DraftsRepository(dataSource);
    this.submissions = new SubmissionsRepository(dataSource);
  }

  /** The learner's draft and last passing code; both null for an exercise never touched (or unknown). */
  async workspace(userId: string, exerciseId: string): Promise<Workspace> {
    if (!isUuid(exerciseId)) throw new DomainError(ErrorCode.InvalidInput, 'Exercise id must be a UUID');
    const [draft, passing] = await Promise.all([
      this.drafts.find(userId, exerciseId),
      this.submissions.findLastPassing(userId, exerciseId),
    ]);
    return {
      draft: draft ? toDraft(draft) : null,
      lastPassing: passing ? { submissionId: passing.id, code: passing.code ?? '', createdAt: passing.createdAt.toISOString() } : null,
    };
  }

  /**
   * Saves the draft (the newest save wins) and tells the learner's other tabs and devices, which
   * ignore the event when it carries their own tabId. 413 over 64 KB, 404 unknown, 403 locked.
   */
  async save(userId: string, exerciseId: string, code: string, tabId: string | null): Promise<Draft> {
    if (Buffer.byteLength(code) > DRAFT_MAX_BYTES) {
      throw new DomainError(ErrorCode.CodeTooLarge, `Code is larger than ${DRAFT_MAX_BYTES / 1024} KB; the draft was not saved`, {
        limitBytes: DRAFT_MAX_BYTES,
      });
    }
    const target = await this.catalog.getSubmissionTarget(userId, exerciseId);
    const draft = toDraft(await this.drafts.save(userId, target.id, code, tabId));
    this.live.emitToUser(userId, LIVE_EVENTS.draftUpdated, draft);
    return draft;
  }
}
