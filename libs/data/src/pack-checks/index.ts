export * from './pack-checks.repository';
export * from './may-publish';
