import { createGrader, type Grader, type TestProgress } from '@questline/sandbox';
import { TWO_FER_SOLUTION, twoFer } from './exercises';

describe('createGrader: basic grading through the child process', () => {
  let grader: Grader;
  beforeAll(() => {
    grader = createGrader({ poolSize: 1 });
  });
  afterAll(() => grader.close());

  test('a correct solution passes every test, in file order', async () => {
    const progress: TestProgress[] = [];
    const result = await grader.grade(twoFer(TWO_FER_SOLUTION), { onTest: (p) => progress.push(p) });
    expect(result).toMatchObject({ status: 'pass', verdict: 'passed' });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['twoFer() > no name given', 'pass'],
      ['twoFer() > a name given', 'pass'],
    ]);
    expect(result.tests[0]!.testCode).toBe("expect(twoFer()).toEqual('One for you, one for me.');");
    expect(progress.map((p) => [p.index, p.total, p.test.name])).toEqual([
      [0, 2, 'twoFer() > no name given'],
      [1, 2, 'twoFer() > a name given'],
    ]);
  });

  test('a wrong solution fails with Jest diff messages and a frame in the learner file', async () => {
    const result = await grader.grade(twoFer(`export function twoFer(name) {\n  return 'One for ' + name + ', one for me.';\n}\n`));
    expect(result).toMatchObject({ status: 'fail', verdict: 'failed' });
    expect(result.tests[0]).toMatchObject({ status: 'fail' });
    expect(result.tests[0]!.message).toContain('expect(received).toEqual(expected)');
    expect(result.tests[0]!.message).toContain('Expected: "One for you, one for me."');
    expect(result.tests[0]!.message).toContain('Received: "One for undefined, one for me."');
    expect(result.tests[0]!.message).toMatch(/at .*two-fer\.spec\.js:6:\d+/);
    expect(result.tests[0]!.message).not.toMatch(/harness|node_modules|\/work\//);
    expect(result.tests[1]).toMatchObject({ status: 'pass' });
  });
});
