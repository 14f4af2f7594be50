export * from './drafts.repository';
