import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@questline/config';
import { buildDataSourceOptions, runMigrationsLocked } from '@questline/data';

/**
 * The api's connection. The api owns migrations: it applies pending ones at start-up, under an
 * advisory lock so parallel api processes do not race (equivalent to migrationsRun: true).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config, { applicationName: 'questline-api' }),
        retryAttempts: 5,
        retryDelay: 1000,
      }),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('TypeORM options missing');
        const dataSource = await new DataSource(options).initialize();
        await runMigrationsLocked(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
