// Declarations the type checker adds to every TypeScript grading: what the isolate really provides
// (console and the virtual timers; no DOM, no Node), the Jest API test files use (as globals and as the
// '@jest/globals' module), and `expectTypeOf` for type-level tests. Written by hand rather than taken
// from @types/jest: that package is a development dependency with a dozen type packages behind it, and
// an author's test file must never fail to compile because of a matcher we typed too narrowly, so the
// matcher and mock types fall back to `any` for anything not listed here.

/** File names of the declarations inside the checker's virtual file system. */
export const SANDBOX_GLOBALS_FILE = '/questline/sandbox-globals.d.ts';
export const JEST_GLOBALS_FILE = '/questline/jest-globals.d.ts';

export const SANDBOX_GLOBALS_DTS = `
interface Console {
  log(...data: any[]): void; info(...data: any[]): void; warn(...data: any[]): void; error(...data: any[]): void;
  debug(...data: any[]): void; trace(...data: any[]): void; dir(item?: any, options?: any): void; table(data: any, columns?: string[]): void;
  group(...label: any[]): void; groupEnd(): void; time(label?: string): void; timeEnd(label?: string): void; assert(condition?: boolean, ...data: any[]): void;
}
declare var console: Console;
type QuestlineTimer = number;
declare function setTimeout<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): QuestlineTimer;
declare function setInterval<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): QuestlineTimer;
declare function setImmediate<A extends any[]>(callback: (...args: A) => void, ...args: A): QuestlineTimer;
declare function clearTimeout(id: QuestlineTimer | undefined): void;
declare function clearInterval(id: QuestlineTimer | undefined): void;
declare function clearImmediate(id: QuestlineTimer | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
`;

const JEST_API = `
type QuestlineFn = (...args: any[]) => any;
interface QuestlineMockState<T extends QuestlineFn> {
  calls: Parameters<T>[];
  results: Array<{ type: 'return' | 'throw' | 'incomplete'; value: any }>;
  instances: any[];
  contexts: any[];
  lastCall?: Parameters<T>;
}
type QuestlineMock<T extends QuestlineFn = QuestlineFn> = T & {
  mock: QuestlineMockState<T>;
  mockReturnValue(value: ReturnType<T>): QuestlineMock<T>;
  mockReturnValueOnce(value: ReturnType<T>): QuestlineMock<T>;
  mockResolvedValue(value: Awaited<ReturnType<T>>): QuestlineMock<T>;
  mockResolvedValueOnce(value: Awaited<ReturnType<T>>): QuestlineMock<T>;
  mockRejectedValue(value: unknown): QuestlineMock<T>;
  mockRejectedValueOnce(value: unknown): QuestlineMock<T>;
  mockImplementation(fn: T): QuestlineMock<T>;
  mockImplementationOnce(fn: T): QuestlineMock<T>;
  mockClear(): QuestlineMock<T>;
  mockReset(): QuestlineMock<T>;
  mockRestore(): void;
  [more: string]: any;
};
interface QuestlineMatchers<R> {
  readonly not: QuestlineMatchers<R>;
  readonly resolves: QuestlineMatchers<Promise<R>>;
  readonly rejects: QuestlineMatchers<Promise<R>>;
  toBe(expected: unknown): R;
  toEqual(expected: unknown): R;
  toStrictEqual(expected: unknown): R;
  toMatchObject(expected: object | readonly object[]): R;
  toContain(expected: unknown): R;
  toContainEqual(expected: unknown): R;
  toHaveLength(expected: number): R;
  toHaveProperty(path: string | readonly (string | number)[], value?: unknown): R;
  toBeDefined(): R; toBeUndefined(): R; toBeNull(): R; toBeNaN(): R; toBeTruthy(): R; toBeFalsy(): R;
  toBeGreaterThan(expected: number | bigint): R; toBeGreaterThanOrEqual(expected: number | bigint): R;
  toBeLessThan(expected: number | bigint): R; toBeLessThanOrEqual(expected: number | bigint): R;
  toBeCloseTo(expected: number, digits?: number): R;
  toBeInstanceOf(expected: unknown): R;
  toMatch(expected: string | RegExp): R;
  toThrow(expected?: unknown): R;
  toThrowError(expected?: unknown): R;
  toHaveBeenCalled(): R; toHaveBeenCalledTimes(expected: number): R;
  toHaveBeenCalledWith(...args: any[]): R; toHaveBeenLastCalledWith(...args: any[]): R; toHaveBeenNthCalledWith(n: number, ...args: any[]): R;
  toHaveReturned(): R; toHaveReturnedWith(expected?: unknown): R;
  [matcher: string]: any;
}
interface QuestlineExpect {
  <T = unknown>(actual: T): QuestlineMatchers<void>;
  any(constructor: unknown): any;
  anything(): any;
  arrayContaining(sample: readonly unknown[]): any;
  objectContaining(sample: object): any;
  stringContaining(sample: string): any;
  stringMatching(sample: string | RegExp): any;
  closeTo(expected: number, digits?: number): any;
  assertions(count: number): void;
  hasAssertions(): void;
  extend(matchers: Record<string, (this: any, received: any, ...args: any[]) => any>): void;
  readonly not: { [matcher: string]: (...args: any[]) => any };
  [more: string]: any;
}
type QuestlineDone = ((error?: unknown) => void) & { fail(error?: unknown): void };
type QuestlineTestFn = ((done: QuestlineDone) => void) | (() => unknown);
interface QuestlineEach<R> {
  <T extends readonly any[] | [any]>(table: readonly T[]): (name: string, fn: (...args: T) => unknown, timeout?: number) => R;
  <T>(table: readonly T[]): (name: string, fn: (arg: T, done: QuestlineDone) => unknown, timeout?: number) => R;
  (strings: TemplateStringsArray, ...values: any[]): (name: string, fn: (arg: any, done: QuestlineDone) => unknown, timeout?: number) => R;
}
interface QuestlineTest {
  (name: string, fn?: QuestlineTestFn, timeout?: number): void;
  only: QuestlineTest; skip: QuestlineTest; failing: QuestlineTest; concurrent: QuestlineTest;
  todo(name: string): void;
  each: QuestlineEach<void>;
}
interface QuestlineDescribe {
  (name: string | number | QuestlineFn, fn: () => void): void;
  only: QuestlineDescribe; skip: QuestlineDescribe;
  each: QuestlineEach<void>;
}
type QuestlineHook = (fn: QuestlineTestFn, timeout?: number) => void;
interface QuestlineJest {
  fn<T extends QuestlineFn = QuestlineFn>(implementation?: T): QuestlineMock<T>;
  spyOn<O extends object, K extends keyof O>(object: O, method: K, accessType?: 'get' | 'set'): QuestlineMock<O[K] extends QuestlineFn ? O[K] : QuestlineFn>;
  mocked<T>(value: T, options?: unknown): T extends QuestlineFn ? QuestlineMock<T> : T;
  isMockFunction(value: unknown): value is QuestlineMock;
  replaceProperty<O extends object, K extends keyof O>(object: O, key: K, value: O[K]): { restore(): void; replaceValue(value: O[K]): unknown };
  useFakeTimers(config?: unknown): QuestlineJest;
  useRealTimers(): QuestlineJest;
  advanceTimersByTime(ms: number): void;
  runAllTimers(): void;
  runOnlyPendingTimers(): void;
  clearAllMocks(): QuestlineJest; resetAllMocks(): QuestlineJest; restoreAllMocks(): QuestlineJest;
  setTimeout(ms: number): QuestlineJest;
  [more: string]: any;
}
`;

/** The Jest API: global names and the same names exported by '@jest/globals'. */
const JEST_NAMES = `describe: QuestlineDescribe, fdescribe: QuestlineDescribe, xdescribe: QuestlineDescribe,
  test: QuestlineTest, it: QuestlineTest, xtest: QuestlineTest, xit: QuestlineTest, fit: QuestlineTest,
  beforeAll: QuestlineHook, afterAll: QuestlineHook, beforeEach: QuestlineHook, afterEach: QuestlineHook,
  expect: QuestlineExpect, jest: QuestlineJest, expectTypeOf: QuestlineExpectTypeOfFn`;

/**
 * \`expectTypeOf\` in the style of vitest / expect-type: \`expectTypeOf(value).toEqualTypeOf<T>()\`,
 * \`.toMatchTypeOf<T>()\`, \`.not\`, \`.toBeString()\`, \`.parameters\`, \`.returns\`. A failed assertion is
 * a type error that names both types (\`does not satisfy the constraint 'TypeMismatch<string, number>'\`).
 * At run time it is a no-op (run-job.ts), so type-level tests sit in ordinary test files.
 */
const EXPECT_TYPE_OF = `
type QuestlineIsEqual<A, B> = (<G>() => G extends A ? 1 : 2) extends (<G>() => G extends B ? 1 : 2) ? true : false;
type QuestlineIsAny<T> = 0 extends 1 & T ? true : false;
type QuestlineIsNever<T> = [T] extends [never] ? true : false;
type QuestlineIsUnknown<T> = unknown extends T ? (QuestlineIsAny<T> extends true ? false : true) : false;
type QuestlineExtends<A, B> = QuestlineIsNever<A> extends true ? true : [A] extends [B] ? true : false;
/** Shown in the error when a positive type assertion fails. */
interface TypeMismatch<Expected, Actual> { readonly expected: Expected; readonly actual: Actual }
/** Shown in the error when a \`.not\` type assertion fails. */
interface ExpectedDifferentTypes<Expected, Actual> { readonly notExpected: Expected; readonly actual: Actual }
type QuestlineCheck<Holds extends boolean, Positive extends boolean, Expected, Actual> = Holds extends Positive
  ? unknown
  : Positive extends true ? TypeMismatch<Expected, Actual> : ExpectedDifferentTypes<Expected, Actual>;
type QuestlineKind<Holds extends boolean, Positive extends boolean, Kind extends string> = Holds extends Positive
  ? []
  : [Positive extends true ? \`expected a type that is \${Kind}\` : \`expected a type that is not \${Kind}\`];
interface QuestlineExpectTypeOf<Actual, Positive extends boolean = true> {
  readonly not: QuestlineExpectTypeOf<Actual, Positive extends true ? false : true>;
  toEqualTypeOf<Expected extends QuestlineCheck<QuestlineIsEqual<Actual, Expected>, Positive, Expected, Actual>>(value?: Expected): true;
  toMatchTypeOf<Expected extends QuestlineCheck<QuestlineExtends<Actual, Expected>, Positive, Expected, Actual>>(value?: Expected): true;
  toExtend<Expected extends QuestlineCheck<QuestlineExtends<Actual, Expected>, Positive, Expected, Actual>>(value?: Expected): true;
  toBeAny(...check: QuestlineKind<QuestlineIsAny<Actual>, Positive, 'any'>): true;
  toBeUnknown(...check: QuestlineKind<QuestlineIsUnknown<Actual>, Positive, 'unknown'>): true;
  toBeNever(...check: QuestlineKind<QuestlineIsNever<Actual>, Positive, 'never'>): true;
  toBeString(...check: QuestlineKind<QuestlineExtends<Actual, string>, Positive, 'string'>): true;
  toBeNumber(...check: QuestlineKind<QuestlineExtends<Actual, number>, Positive, 'number'>): true;
  toBeBoolean(...check: QuestlineKind<QuestlineExtends<Actual, boolean>, Positive, 'boolean'>): true;
  toBeBigInt(...check: QuestlineKind<QuestlineExtends<Actual, bigint>, Positive, 'bigint'>): true;
  toBeSymbol(...check: QuestlineKind<QuestlineExtends<Actual, symbol>, Positive, 'symbol'>): true;
  toBeNull(...check: QuestlineKind<QuestlineExtends<Actual, null>, Positive, 'null'>): true;
  toBeUndefined(...check: QuestlineKind<QuestlineExtends<Actual, undefined>, Positive, 'undefined'>): true;
  toBeVoid(...check: QuestlineKind<QuestlineExtends<Actual, void>, Positive, 'void'>): true;
  toBeNullable(...check: QuestlineKind<QuestlineIsEqual<Actual, NonNullable<Actual>> extends true ? false : true, Positive, 'nullable'>): true;
  toBeFunction(...check: QuestlineKind<QuestlineExtends<Actual, (...args: any[]) => any>, Positive, 'a function'>): true;
  toBeObject(...check: QuestlineKind<QuestlineExtends<Actual, object>, Positive, 'an object'>): true;
  toBeArray(...check: QuestlineKind<QuestlineExtends<Actual, readonly any[]>, Positive, 'an array'>): true;
  toHaveProperty<K extends PropertyKey>(key: K, ...check: QuestlineKind<K extends keyof Actual ? true : false, Positive, \`with a property \${K & string}\`>): K extends keyof Actual ? QuestlineExpectTypeOf<Actual[K], Positive> : true;
  toBeCallableWith(...args: Actual extends (...args: infer P) => any ? P : never): true;
  readonly parameters: QuestlineExpectTypeOf<Actual extends (...args: infer P) => any ? P : never, Positive>;
  parameter<N extends number>(index: N): QuestlineExpectTypeOf<Actual extends (...args: infer P) => any ? P[N] : never, Positive>;
  readonly returns: QuestlineExpectTypeOf<Actual extends (...args: any[]) => infer R ? R : never, Positive>;
  readonly resolves: QuestlineExpectTypeOf<Awaited<Actual>, Positive>;
  readonly items: QuestlineExpectTypeOf<Actual extends readonly (infer I)[] ? I : never, Positive>;
  readonly instance: QuestlineExpectTypeOf<Actual extends abstract new (...args: any[]) => infer I ? I : never, Positive>;
}
interface QuestlineExpectTypeOfFn {
  <Actual>(value: Actual): QuestlineExpectTypeOf<Actual, true>;
  <Actual>(): QuestlineExpectTypeOf<Actual, true>;
}
`;

export const JEST_GLOBALS_DTS = `${JEST_API}${EXPECT_TYPE_OF}
declare const ${JEST_NAMES};
declare module '@jest/globals' {
  export const ${JEST_NAMES};
}
`;
