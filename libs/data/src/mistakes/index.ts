export * from './mistakes.repository';
