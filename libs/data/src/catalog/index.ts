// Nest-free catalog writes: importing packs (publish, built-in packs at boot, CLI, tests).
export * from './catalog-json';
export * from './hashes';
export * from './semver';
export * from './import-pack';
export * from './built-in-packs';
