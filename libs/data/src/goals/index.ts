export * from './goals.repository';
