export * from './classes.repository';
