import path from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findProjectRoot } from '@questline/config';
import { loadBuiltInPacks } from '@questline/data';

/**
 * `EXERCISES_DIR` (default `<project root>/exercises`). Read here rather than in AppConfig because
 * only this loader uses it; a missing folder simply means no built-in packs.
 */
export function builtInPacksDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.EXERCISES_DIR ? path.resolve(env.EXERCISES_DIR) : path.join(findProjectRoot(), 'exercises');
}

/** Loads the built-in packs before the api starts listening (idempotent; broken packs are logged and skipped). */
@Injectable()
export class BuiltInPacksLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('BuiltInPacks');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const dir = builtInPacksDir();
    try {
      await loadBuiltInPacks(this.dataSource, dir, {
        info: (message) => this.logger.log(message),
        warn: (message) => this.logger.warn(message),
      });
    } catch (error) {
      // Never stop the api over content: learners can still use what is already in the catalog.
      this.logger.error(`Loading built-in packs from ${dir} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
