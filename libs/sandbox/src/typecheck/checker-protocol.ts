// Messages between the grader and a type-checker process (checker-main.ts), over Node IPC.
import type { TypecheckOptions } from '@questline/contracts';
import type { SourceFile, TestFile } from '../types';
import type { CheckOutcome } from './checker';

export interface CheckRequestMessage {
  type: 'check';
  id: number;
  solution: SourceFile;
  tests: TestFile[];
  options: TypecheckOptions;
  /** The grading's time budget: the checker stops itself at it where it can. */
  budgetMs: number;
}

export type CheckerMessage = { type: 'ready' } | { type: 'checked'; id: number; outcome: CheckOutcome };
