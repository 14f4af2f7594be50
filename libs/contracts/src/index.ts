// @questline/contracts: every shape that crosses a process boundary (HTTP responses, live events, job
// payloads and results), declared once and imported by the api, the worker, the CLI and the web app.
// Types and schemas only: no I/O, no Nest, no Node built-ins (the web app bundles this folder).
// One file per area; this index re-exports them all.
export * from './catalog';
export * from './diagnostics';
export * from './drafts';
export * from './events';
export * from './goals';
export * from './leaderboards';
export * from './motivation';
export * from './mutation';
export * from './pack-checks';
export * from './packs';
export * from './progress';
export * from './sql';
export * from './submissions';
export * from './users';
export * from './exercise-files';
export * from './session';
export * from './classes';
export * from './mistakes';
export * from './access-tokens';
