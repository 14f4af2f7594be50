export * from './submissions.repository';
export * from './submission-stats.repository';
