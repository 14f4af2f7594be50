// @questline/gamification: the XP, level, streak, spree, achievement and leaderboard rules.
// Pure: no Nest, no I/O, no clock (every time is an argument). See docs/gamification.md.
export * from './levels';
export * from './xp';
export * from './calendar';
export * from './streak';
export * from './spree';
export * from './achievements';
export * from './outcome';
export * from './eligibility';
export * from './leaderboard';
export * from './progress';
export * from './quests';
export * from './leagues';
export * from './boss';
export * from './gems';
export * from './goals';
