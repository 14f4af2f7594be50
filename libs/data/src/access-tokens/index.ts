export * from './access-tokens.repository';
