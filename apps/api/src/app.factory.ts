import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@questline/config';
import { AppModule, type ApiModuleOptions } from './app.module';
import { installBodyParsing } from './common/body-parsing';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { DependencyOutages } from './common/errors/outage-log';
import { requestIdMiddleware } from './common/logging';
import { createValidationPipe } from './common/validation';
import { installStaticWeb } from './web/static-web';

export const API_PREFIX = 'api';

/**
 * Build the api exactly as production runs it, without listening: main.ts calls listen(PORT),
 * tests call listen(0). Everything global (prefix, filter, pipes, helmet, body limit, logger,
 * OpenAPI, socket.io, static web) is applied here and only here.
 */
export async function createApiApp(config: AppConfig, options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, options), {
    bufferLogs: true,
    // Our own parsers (installBodyParsing) so their errors become clean JSON 4xx.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  app.use(requestIdMiddleware);
  app.use(
    helmet({
      // Swagger UI and the Vite build load only same-origin scripts; allow data: images for icons.
      contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } },
    }),
  );
  installBodyParsing(app, config.bodyLimit);
  installStaticWeb(app, config.webDir);

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new AllExceptionsFilter(app.get(DependencyOutages)));
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new IoAdapter(app));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Questline API')
      .setDescription('Gamified coding exercises: auth, exercises, submissions, progress.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  // UI at /api/docs, JSON at /api/docs-json.
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}
