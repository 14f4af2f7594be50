// Standalone data source for the TypeORM CLI, e.g. after `npx nest build api`:
//   npx typeorm migration:run -d dist/apps/api/libs/data/src/data-source.js
// Reads only DATABASE_URL (not the whole app config) so it works without JWT_SECRET etc.
import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL } from '@questline/config';
import { buildDataSourceOptions } from './data-source-options';

export default new DataSource(buildDataSourceOptions({ databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL }));
