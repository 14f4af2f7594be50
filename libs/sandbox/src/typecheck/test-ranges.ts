// Where each test of a test file is, so a type error inside a test's body can name that test (how a
// type-level test fails: `expectTypeOf(...)` that does not hold is a type error in its test).
import type * as TS from 'typescript';
import { typescript } from './typescript';

export interface TestRange {
  start: number;
  end: number;
  /** `describe > test`, as the results name tests (`.each` titles unformatted). */
  name: string;
}

const TEST_NAMES = new Set(['test', 'it', 'xtest', 'xit', 'fit']);
const DESCRIBE_NAMES = new Set(['describe', 'xdescribe', 'fdescribe']);

/** `test`, `test.only`, `test.each(table)`, `describe.skip` … → the base name. */
function calleeBase(ts: typeof TS, expression: TS.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return calleeBase(ts, expression.expression);
  if (ts.isCallExpression(expression)) return calleeBase(ts, expression.expression);
  if (ts.isTaggedTemplateExpression(expression)) return calleeBase(ts, expression.tag);
  return undefined;
}

function title(ts: typeof TS, node: TS.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.getText();
  return undefined;
}

export function testRanges(file: TS.SourceFile): TestRange[] {
  const ts = typescript();
  const ranges: TestRange[] = [];
  const visit = (node: TS.Node, prefix: string[]): void => {
    if (ts.isCallExpression(node)) {
      const base = calleeBase(ts, node.expression);
      const name = title(ts, node.arguments[0]);
      if (base !== undefined && name !== undefined && (TEST_NAMES.has(base) || DESCRIBE_NAMES.has(base))) {
        const path = [...prefix, name];
        if (TEST_NAMES.has(base)) ranges.push({ start: node.getStart(file), end: node.getEnd(), name: path.join(' > ') });
        node.arguments.slice(1).forEach((argument) => visit(argument, path));
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, prefix));
  };
  visit(file, []);
  return ranges;
}

/** The innermost test whose call contains `position`. */
export function testNameAt(ranges: readonly TestRange[], position: number): string | undefined {
  let found: TestRange | undefined;
  for (const range of ranges) {
    if (position >= range.start && position < range.end && (!found || range.start >= found.start)) found = range;
  }
  return found?.name;
}
