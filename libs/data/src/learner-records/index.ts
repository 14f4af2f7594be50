export * from './record-submit-outcome';
export * from './learner-state';
export * from './leaderboard-rows';
