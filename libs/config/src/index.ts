export * from './config.schema';
export * from './config-error';
export * from './load-config';
export * from './grade-limits';
export * from './jwt-secret';
export * from './project-root';
export * from './queue-options';
export * from './app-config.module';
