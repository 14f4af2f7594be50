// The web app's line diff (History: "changes since the previous attempt"). Pure, but it lives in apps/web
// whose tsconfig has no Jest types, so its spec sits here.
import { diffLines, diffStats } from '../../apps/web/src/lib/diff';

const render = (before: string, after: string) =>
  diffLines(before, after).map((l) => `${l.op === 'add' ? '+' : l.op === 'del' ? '-' : ' '}${l.text}`);

describe('diffLines', () => {
  it('marks nothing when both are equal', () => {
    expect(render('a\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('shows a changed middle line as removed then added, keeping head and tail', () => {
    const lines = diffLines('function f() {\n  return 41;\n}', 'function f() {\n  return 42;\n}');
    expect(lines).toEqual([
      { op: 'same', text: 'function f() {' },
      { op: 'del', text: '  return 41;' },
      { op: 'add', text: '  return 42;' },
      { op: 'same', text: '}' },
    ]);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('finds insertions and deletions between common lines', () => {
    expect(render('a\nb\nc\nd', 'a\nx\nc\nd\ne')).toEqual([' a', '-b', '+x', ' c', ' d', '+e']);
    expect(render('', 'a')).toEqual(['-', '+a']);
    expect(render('a\nb\nc', 'a\nc')).toEqual([' a', '-b', ' c']);
  });

  it('falls back to one replaced block for huge inputs instead of a quadratic table', () => {
    const big = (p: string) => Array.from({ length: 3000 }, (_, i) => `${p}${i}`).join('\n');
    const lines = diffLines(big('a'), big('b'));
    expect(diffStats(lines)).toEqual({ added: 3000, removed: 3000 });
  });
});
