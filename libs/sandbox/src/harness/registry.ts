// Test registration: the describe/test tree as test files declare it. Registration is only open while
// the host evaluates a test file, so learner code (evaluated earlier, and unable to import the harness)
// cannot add, replace or skip tests.

import { formatTitle, tableRows } from './each';
import { callerFrame, captureCaller, type CallerFrame } from './caller';

export type UserFunction = (...args: unknown[]) => unknown;

export interface Hooks {
  beforeAll: UserFunction[];
  afterAll: UserFunction[];
  beforeEach: UserFunction[];
  afterEach: UserFunction[];
}

export interface Block {
  kind: 'block';
  name: string;
  parent: Block | null;
  children: Array<Block | TestCase>;
  hooks: Hooks;
}

export interface TestCase {
  kind: 'test';
  /** `describe > test`, as Jest prints it (a test file may build it from learner values). */
  fullName: string;
  /**
   * The declared identity: `<test file>:<line>:<column>` of the `test()` call (`#2`, `#3`... for later
   * tests declared at the same site: `test.each` rows, loops). Statistics group by it, never by the
   * name, which a test file may build from learner values.
   */
  id: string;
  block: Block;
  fn: UserFunction;
  /** Index into the result list (file order). */
  index: number;
  hidden: boolean;
  /** The user function takes Jest's `done` callback. */
  usesDone: boolean;
  code: string;
}

const functionToString = Function.prototype.toString;
const MAX_TEST_CODE_CHARS = 4000;
const MAX_TESTS = 1000;
/** As validate.ts on the host: a `test.each` title with `%s` of learner data must not make megabyte names. */
const MAX_NAME_CHARS = 1000;

/** The body of a test function, as Exercism's `test_code`: inner block dedented, or the arrow expression. */
function testCodeOf(fn: UserFunction): string {
  let source: string;
  try {
    source = functionToString.call(fn);
  } catch {
    return '';
  }
  const open = source.indexOf('{');
  const arrow = source.indexOf('=>');
  let body = source;
  if (arrow !== -1 && (open === -1 || arrow < open)) {
    const after = source.slice(arrow + 2).trim();
    body = after.startsWith('{') && after.endsWith('}') ? after.slice(1, -1) : after;
  } else if (open !== -1 && source.endsWith('}')) {
    body = source.slice(open + 1, -1);
  }
  const lines = body
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  const dedented = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
  return dedented.length > MAX_TEST_CODE_CHARS ? `${dedented.slice(0, MAX_TEST_CODE_CHARS)}\n// …` : dedented;
}

function newBlock(name: string, parent: Block | null): Block {
  return { kind: 'block', name, parent, children: [], hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] } };
}

export class Registry {
  readonly roots: Block[] = [];
  readonly tests: TestCase[] = [];
  private current: Block | null = null;
  private currentHidden = false;
  private currentFile: string | null = null;
  /** How many tests each declaration site has registered (for the `#n` of repeated sites). */
  private readonly siteCounts = new Map<string, number>();
  /** Every test file opened so far (frames in them count as test code). */
  readonly testFiles = new Set<string>();

  get isOpen(): boolean {
    return this.current !== null;
  }

  openFile(fileName: string, hidden: boolean): void {
    const root = newBlock('', null);
    this.currentFile = fileName;
    this.testFiles.add(fileName);
    this.roots.push(root);
    this.current = root;
    this.currentHidden = hidden;
  }

  closeFile(): void {
    this.current = null;
    this.currentFile = null;
  }

  /**
   * Throws unless registration is open and the call comes from the test file being loaded. A test file
   * may call learner code while it registers tests (`describe(() => { const robot = new Robot(); ... })`);
   * that code reaches the same globals, and must not add tests or change how `expect` judges.
   */
  assertCalledByTestFile(what: string, withPosition = false): CallerFrame {
    if (!this.current) throw new Error(`${what} can only be called while a test file is loading`);
    const frame = callerFrame(captureCaller(this.assertCalledByTestFile), withPosition);
    if (frame === null || frame.file !== this.currentFile) {
      throw new Error(`${what} can only be called by the test file`);
    }
    return frame;
  }

  private declaredId(frame: CallerFrame): string {
    const site = `${frame.file}:${frame.line}:${frame.column}`;
    const seen = (this.siteCounts.get(site) ?? 0) + 1;
    this.siteCounts.set(site, seen);
    return seen === 1 ? site : `${site}#${seen}`;
  }

  private requireOpen(what: string): Block {
    this.assertCalledByTestFile(what);
    return this.current!;
  }

  private fullName(block: Block, name: string): string {
    const parts = [name];
    for (let b: Block | null = block; b && b.parent; b = b.parent) parts.unshift(b.name);
    const full = parts.join(' > ');
    // A copy, not `slice` alone: V8's sliced strings keep the whole megabyte parent alive.
    return full.length > MAX_NAME_CHARS ? Array.from(full.slice(0, MAX_NAME_CHARS)).join('') : full;
  }

  describe(name: unknown, fn: unknown, skip: boolean): void {
    const parent = this.requireOpen('describe()');
    if (typeof fn !== 'function') throw new TypeError('describe() needs a callback function');
    if (skip) return;
    const block = newBlock(String(name), parent);
    parent.children.push(block);
    this.current = block;
    try {
      (fn as UserFunction)();
    } finally {
      this.current = parent;
    }
  }

  test(name: unknown, fn: unknown, skip: boolean): void {
    const frame = this.assertCalledByTestFile('test()', true);
    const block = this.current!;
    if (skip || fn === undefined) return; // .skip and .todo: reported by neither Exercism nor us
    if (typeof fn !== 'function') throw new TypeError('test() needs a callback function');
    if (this.tests.length >= MAX_TESTS) throw new RangeError(`Too many tests (more than ${MAX_TESTS})`);
    const testCase: TestCase = {
      kind: 'test',
      fullName: this.fullName(block, String(name)),
      id: this.declaredId(frame),
      block,
      fn: fn as UserFunction,
      index: this.tests.length,
      hidden: this.currentHidden,
      usesDone: (fn as UserFunction).length > 0,
      code: testCodeOf(fn as UserFunction),
    };
    this.tests.push(testCase);
    block.children.push(testCase);
  }

  hook(kind: keyof Hooks, fn: unknown): void {
    const block = this.requireOpen(`${kind}()`);
    if (typeof fn !== 'function') throw new TypeError(`${kind}() needs a callback function`);
    block.hooks[kind].push(fn as UserFunction);
  }

  /** `test.each(table)(title, fn)` and `describe.each`. */
  each(kind: 'test' | 'describe', table: unknown, templateValues: unknown[], skip: boolean) {
    const rows = tableRows(table, templateValues);
    return (title: unknown, fn: unknown) => {
      if (typeof fn !== 'function') throw new TypeError(`${kind}.each() needs a callback function`);
      const body = fn as UserFunction;
      rows.forEach((row, index) => {
        const name = formatTitle(String(title), row, index);
        if (kind === 'describe') {
          this.describe(name, () => body(...row.args), skip);
        } else {
          // Keep the table function's own source as the test code, and its arity for `done`.
          this.test(name, body.length > row.args.length ? (done: unknown) => body(...row.args, done) : () => body(...row.args), skip);
          const added = this.tests[this.tests.length - 1];
          if (!skip && added) added.code = testCodeOf(body);
        }
      });
    };
  }
}
