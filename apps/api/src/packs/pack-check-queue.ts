import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { InjectConfig, type AppConfig } from '@questline/config';
import {
  closeWithin,
  PACK_CHECK_JOB,
  PACK_CHECK_JOB_OPTIONS,
  PACK_CHECK_QUEUE,
  packCheckJobId,
  type PackCheckJobPayload,
} from '@questline/jobs';
import { producerOptions } from '../submissions/grading-queue';

/** An enqueue that has not answered by then is "queue unreachable" (503), as for submissions. */
const ENQUEUE_TIMEOUT_MS = 1500;

/** The api's side of the publish-check queue (consumed by the workers' PackCheckWorker). */
@Injectable()
export class PackCheckQueue implements OnModuleDestroy {
  private readonly logger = new Logger(PackCheckQueue.name);
  private readonly queue: Queue<PackCheckJobPayload>;

  constructor(@InjectConfig() config: AppConfig) {
    this.queue = new Queue<PackCheckJobPayload>(PACK_CHECK_QUEUE, producerOptions(config));
    this.queue.on('error', (error) => this.logger.debug(`pack-check queue: ${error.message}`));
  }

  async add(checkId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const added = this.queue.add(PACK_CHECK_JOB, { checkId }, { ...PACK_CHECK_JOB_OPTIONS, jobId: packCheckJobId(checkId) });
    try {
      await Promise.race([
        added,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`queue did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      added.catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await closeWithin(this.queue);
  }
}
