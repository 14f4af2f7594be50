// Defaults for every test file: the local services of a developer machine, quiet logs.
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'silent';
process.env.NODE_ENV ??= 'test';
