// The typed job catalogue: queue names, job names and payloads shared by api (producer) and worker.

export const GRADING_QUEUE = 'grading';

export interface GradeJobPayload {
  submissionId: string;
}

export const GRADE_JOB = 'grade';

/** Deterministic job id: a double enqueue of one submission is one job. (BullMQ ids may not contain ':'.) */
export function gradeJobId(submissionId: string): string {
  return `grade-${submissionId}`;
}
