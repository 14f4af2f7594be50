import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Submit's motivation update (quests moved, gems paid), stored with its completion so a replayed or reconciled
 * completion announces it too: whichever delivery's event reaches the learner first, the reward is announced.
 */
export class AddSubmissionMotivation1796312791495 implements MigrationInterface {
  name = 'AddSubmissionMotivation1796312791495';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submissions" ADD "motivation" jsonb NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submissions" DROP COLUMN "motivation"`);
  }
}
