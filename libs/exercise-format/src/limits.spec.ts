import { SANDBOX_DEFAULTS } from '@questline/sandbox';
import { PACK_LIMITS, formatBytes, summarize } from './limits';

describe('PACK_LIMITS', () => {
  it('matches what the sandbox accepts in one grading', () => {
    expect(PACK_LIMITS.bytes.source).toBe(SANDBOX_DEFAULTS.maxSourceBytes);
    expect(PACK_LIMITS.bytes.tests).toBe(16 * SANDBOX_DEFAULTS.maxSourceBytes);
  });
});

describe('summarize', () => {
  it('keeps a short text, flattening whitespace', () => {
    expect(summarize('  Two\n\nlines  ')).toBe('Two lines');
  });
  it('cuts a long text at a word boundary with an ellipsis', () => {
    const out = summarize('word '.repeat(100), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/^(word )+word…$/);
  });
  it('cuts a text without spaces at the limit', () => {
    expect(summarize('x'.repeat(500), 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [64 * 1024, '64 KB'],
    [12 * 1024 * 1024, '12.0 MB'],
  ])('%d -> %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
