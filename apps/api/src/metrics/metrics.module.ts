import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { PipelineMetrics } from './pipeline-metrics';

/**
 * Prometheus text at `/metrics` (outside the /api prefix, where scrapers expect it). Mounted on the
 * express instance at init because the global prefix would otherwise apply to a controller route.
 * Unauthenticated like most exporters: expose the api port to the scraper's network only, or front it.
 */
@Injectable()
class MetricsRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: PipelineMetrics,
  ) {}

  onModuleInit(): void {
    const app: Express = this.adapterHost.httpAdapter.getInstance();
    app.get('/metrics', (_req: Request, res: Response) => {
      this.metrics.registry
        .metrics()
        .then((text) => res.type(this.metrics.registry.contentType).send(text))
        .catch(() => res.status(500).type('text/plain').send('metrics unavailable\n'));
    });
  }
}

@Global()
@Module({ providers: [PipelineMetrics, MetricsRoute], exports: [PipelineMetrics] })
export class MetricsModule {}
