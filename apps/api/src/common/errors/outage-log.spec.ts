import { OUTAGE_QUIET_MS, OUTAGE_REMIND_MS, OutageLog } from './outage-log';

describe('OutageLog', () => {
  let now = 0;
  let lines: string[];
  let log: OutageLog;
  beforeEach(() => {
    now = 1_000_000;
    lines = [];
    log = new OutageLog(
      (line) => lines.push(line),
      () => now,
    );
  });

  it('logs the first failure of an outage and stays quiet for the following ones', () => {
    for (let i = 0; i < 50; i++) {
      log.report('database', new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at stack'));
      now += 100;
    }
    expect(lines).toEqual([
      'database unavailable (connect ECONNREFUSED 127.0.0.1:5432): answering 503 until it is back; logged once per outage',
    ]);
  });

  it('keeps one line per dependency', () => {
    log.report('database', new Error('a'));
    log.report('queue', new Error('b'));
    log.report('queue', new Error('b'));
    expect(lines).toHaveLength(2);
  });

  it('starts a new outage after a quiet period, and reminds during a long one', () => {
    log.report('queue', new Error('down'));
    now += OUTAGE_QUIET_MS + 1;
    log.report('queue', new Error('down again'));
    expect(lines).toHaveLength(2);
    for (let t = 0; t <= OUTAGE_REMIND_MS; t += 1000) {
      now += 1000;
      log.report('queue', new Error('still'));
    }
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^queue still unavailable \(still\): \d+ more failure\(s\)/);
  });
});
