import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; gradings of a small exercise take 5-50 ms, a time limit up to 10 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type DepthSource = () => Promise<Record<string, number>>;

/**
 * One registry per api process. Gradings and latencies are counted from the queue's event stream, which
 * every api process reads in full: each instance reports the cluster-wide figures it observed, so
 * aggregate across instances with max(), not sum().
 */
@Injectable()
export class PipelineMetrics {
  readonly registry = new Registry();
  private depthSource?: DepthSource;

  readonly gradings = new Counter({
    name: 'questline_gradings_total',
    help: 'Completed gradings by kind (run|submit) and verdict',
    labelNames: ['kind', 'verdict'] as const,
    registers: [this.registry],
  });

  readonly gradingSeconds = new Histogram({
    name: 'questline_grading_duration_seconds',
    help: 'Time inside the sandbox per grading',
    labelNames: ['kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly endToEndSeconds = new Histogram({
    name: 'questline_submission_e2e_seconds',
    help: 'From the submission row being stored to it being completed (database clock)',
    labelNames: ['kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly accepted = new Counter({
    name: 'questline_submissions_accepted_total',
    help: 'Submissions accepted (202) by this api process',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly rejected = new Counter({
    name: 'questline_submissions_rejected_total',
    help: 'Submissions refused by this api process, by reason (queue_unavailable, too_many_pending)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly swept = new Counter({
    name: 'questline_sweep_reenqueued_total',
    help: 'Stuck submissions re-enqueued by the sweep of this api process',
    registers: [this.registry],
  });

  constructor() {
    // collect() runs with `this` bound to the gauge.
    const readDepth = () => this.depthSource?.().catch(() => undefined);
    new Gauge({
      name: 'questline_grading_queue_jobs',
      help: 'Jobs in the grading queue by state (waiting, active, delayed, failed)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      // Read at scrape time; a queue that does not answer leaves the gauge empty rather than failing /metrics.
      async collect() {
        this.reset();
        const counts = await readDepth();
        for (const [state, value] of Object.entries(counts ?? {})) this.set({ state }, value);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'questline_api_' });
  }

  /** The submissions feature supplies queue counts (it owns the queue connection). */
  setDepthSource(source: DepthSource): void {
    this.depthSource = source;
  }
}
