import { Controller, Get, HttpException, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { errorBody } from '../common/errors/error-body';
import { QueueHealthIndicator } from './queue.health';

type CheckState = 'up' | 'down';
export interface HealthBody {
  status: 'ok' | 'error';
  checks: { database: CheckState; queue: CheckState };
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', checks: { database: 'up', queue: 'up' } } } })
  @ApiServiceUnavailableResponse({
    schema: {
      example: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Unhealthy: queue is down',
        status: 'error',
        checks: { database: 'up', queue: 'down' },
      },
    },
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthBody | ReturnType<typeof errorBody>> {
    // Terminus throws a 503 with the details when a check fails; we only need the per-check states.
    const details = await this.health
      .check([() => this.db.pingCheck('database').withTimeout(1500), () => this.queue.check('queue')])
      .then((result) => result.details)
      .catch((error: unknown) => detailsFromError(error));
    const checks = {
      database: stateOf(details, 'database'),
      queue: stateOf(details, 'queue'),
    };
    const down = Object.entries(checks)
      .filter(([, state]) => state === 'down')
      .map(([name]) => name);
    if (down.length === 0) return { status: 'ok', checks };
    res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return errorBody(503, `Unhealthy: ${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down`, {
      status: 'error',
      checks,
    });
  }
}

function detailsFromError(error: unknown): Record<string, unknown> {
  // ServiceUnavailableException#getResponse() → { status: 'error', info, error, details }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'details' in response) {
      const details: unknown = response.details;
      if (typeof details === 'object' && details !== null) return { ...details };
    }
  }
  return {};
}

function stateOf(details: Record<string, unknown>, key: string): CheckState {
  const entry = details[key];
  return typeof entry === 'object' && entry !== null && 'status' in entry && entry.status === 'up' ? 'up' : 'down';
}
