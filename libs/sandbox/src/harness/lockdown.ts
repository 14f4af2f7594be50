// Runs inside the isolate, after the harness has installed its globals and before any learner code.
// Freezes the shared intrinsics (constructors, prototypes, hidden iterator/generator prototypes, and
// every object the global object holds, the harness's own globals included), so learner code cannot
// patch `Object.is`, `Array.prototype.push`, `expect`, `console`, or anything Jest's matchers look up
// at call time.
//
// Freezing alone breaks ordinary code through the "override mistake" (assigning `this.name` in an
// Error subclass, `Foo.prototype.toString = ...`): assignment to an own property shadowing a frozen
// inherited data property throws. For the properties learners commonly override we convert the
// frozen data property into an accessor whose setter defines an own property on the receiver,
// which is what SES calls override taming.

const { defineProperty, getOwnPropertyDescriptor, getOwnPropertyNames, getOwnPropertySymbols, freeze, getPrototypeOf } = Object;

/** Properties whose override is common enough in learner code that freezing must not break it. */
const OVERRIDABLE: Record<string, readonly string[]> = {
  Object: ['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'],
  Function: ['constructor', 'toString'],
  Error: ['constructor', 'name', 'message', 'toString', 'stack', 'cause'],
  // Array, Promise, Map... are deliberately not tamed: turning `constructor` or `then` into accessors
  // invalidates V8's species/then protectors and slows every array method and await.
};

/**
 * Static built-ins that tests replace to make randomness or time deterministic (`Math.random = () => 0.5`,
 * `jest.spyOn(Date, 'now')`, as Exercism's tracks do). They stay writable (never configurable) on objects
 * that are otherwise locked. None of them can forge a pass: the harness and Jest's matchers never call
 * them (the runner took its own `Date.now` before any learner code ran; a red-team test checks the rest).
 */
const REPLACEABLE: Record<string, readonly string[]> = {
  Math: ['random'],
  Date: ['now'],
};

/** Appended to code compiled at run time, so its stack frames can never pass for a test file's (caller.ts). */
const DYNAMIC_SOURCE_URL = '\n//# sourceURL=questline-dynamic-code\n';

/**
 * `eval` and the four function constructors, wrapped so that the code they compile always ends with our
 * `sourceURL` comment (V8 uses the last one). Without this, `eval('...//# sourceURL=two-fer.spec.js')`
 * makes learner functions whose frames look like the test file's. A wrapped `eval` is an indirect eval:
 * it runs in the global scope and does not see local variables.
 */
function wrapDynamicCode(global: typeof globalThis): void {
  const originalEval = global.eval;
  const { apply, construct } = Reflect;
  const wrappedEval = {
    eval(code: unknown) {
      return typeof code === 'string' ? originalEval(code + DYNAMIC_SOURCE_URL) : code;
    },
  }.eval;
  defineProperty(global, 'eval', { value: wrappedEval, writable: true, enumerable: false, configurable: true });

  const wrapConstructor = (original: (...args: unknown[]) => unknown): ((...args: unknown[]) => unknown) => {
    const withSourceUrl = (args: unknown[]) => {
      const copy = [...args];
      copy[copy.length > 0 ? copy.length - 1 : 0] = `${copy.length > 0 ? String(copy[copy.length - 1]) : ''}${DYNAMIC_SOURCE_URL}`;
      return copy;
    };
    const wrapper = function (this: unknown, ...args: unknown[]) {
      return new.target
        ? construct(original, withSourceUrl(args), new.target === wrapper ? original : new.target)
        : apply(original, undefined, withSourceUrl(args));
    };
    defineProperty(wrapper, 'name', { value: original.name });
    defineProperty(wrapper, 'length', { value: original.length });
    defineProperty(wrapper, 'prototype', { value: original.prototype, writable: false, enumerable: false, configurable: false });
    defineProperty(original.prototype, 'constructor', { value: wrapper, writable: true, enumerable: false, configurable: true });
    return wrapper;
  };
  const functionConstructor = global.Function as unknown as (...args: unknown[]) => unknown;
  defineProperty(global, 'Function', {
    value: wrapConstructor(functionConstructor),
    writable: true,
    enumerable: false,
    configurable: true,
  });
  for (const sample of [function* () {}, async function () {}, async function* () {}]) {
    wrapConstructor(getPrototypeOf(sample).constructor as (...args: unknown[]) => unknown);
  }
}

const NATIVE_ERRORS = ['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError'];

function tameOverride(proto: object, key: string): void {
  const desc = getOwnPropertyDescriptor(proto, key);
  if (!desc || !('value' in desc) || !desc.configurable) return;
  const value: unknown = desc.value;
  defineProperty(proto, key, {
    get: function getter() {
      return value;
    },
    set: function setter(this: unknown, newValue: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}' of a built-in prototype`);
      if (this === null || (typeof this !== 'object' && typeof this !== 'function')) return;
      defineProperty(this, key, { value: newValue, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable,
    configurable: false,
  });
}

/** Every object reachable as a built-in that learner code could patch to influence the harness. */
function collectIntrinsics(global: typeof globalThis): Set<object> {
  const roots = new Set<object>();
  const add = (value: unknown) => {
    if (value !== null && (typeof value === 'object' || typeof value === 'function') && value !== global) {
      roots.add(value as object);
    }
  };
  for (const key of [...getOwnPropertyNames(global), ...getOwnPropertySymbols(global)]) {
    const desc = getOwnPropertyDescriptor(global, key);
    if (!desc || !('value' in desc)) continue;
    const value: unknown = desc.value;
    add(value);
    if (typeof value === 'function') add((value as { prototype?: unknown }).prototype);
    if (key === 'Intl' && value && typeof value === 'object') {
      for (const name of getOwnPropertyNames(value)) {
        const member = (value as Record<string, unknown>)[name];
        add(member);
        if (typeof member === 'function') add((member as { prototype?: unknown }).prototype);
      }
    }
  }
  // Intrinsics with no global name.
  const hidden: unknown[] = [];
  const generatorFunction = function* () {};
  const asyncFunction = async function () {};
  const asyncGeneratorFunction = async function* () {};
  hidden.push(getPrototypeOf(generatorFunction), getPrototypeOf(generatorFunction).prototype);
  hidden.push(getPrototypeOf(getPrototypeOf(generatorFunction).prototype));
  hidden.push(getPrototypeOf(asyncFunction));
  hidden.push(getPrototypeOf(asyncGeneratorFunction), getPrototypeOf(asyncGeneratorFunction).prototype);
  hidden.push(getPrototypeOf(getPrototypeOf(asyncGeneratorFunction).prototype));
  hidden.push(getPrototypeOf([][Symbol.iterator]()), getPrototypeOf(getPrototypeOf([][Symbol.iterator]())));
  hidden.push(getPrototypeOf(new Map().entries()), getPrototypeOf(new Set().values()));
  hidden.push(getPrototypeOf(''[Symbol.iterator]()), getPrototypeOf(/a/[Symbol.matchAll]('a')));
  hidden.push(getPrototypeOf(Uint8Array), getPrototypeOf(Uint8Array.prototype));
  for (const value of hidden) {
    add(value);
    if (typeof value === 'function') add((value as { prototype?: unknown }).prototype);
  }
  // Constructors reached through prototypes (e.g. %GeneratorFunction% via `.constructor`).
  for (const value of [...roots]) {
    const desc = getOwnPropertyDescriptor(value, 'constructor');
    if (desc && 'value' in desc) add(desc.value);
  }
  return roots;
}

/**
 * Makes every existing property permanent without freezing: new properties can still be added.
 * `writable`: data properties that stay assignable (still not configurable).
 */
function lockProperties(target: object, writable: readonly PropertyKey[] = []): void {
  for (const key of [...getOwnPropertyNames(target), ...getOwnPropertySymbols(target)]) {
    const desc = getOwnPropertyDescriptor(target, key);
    if (!desc?.configurable) continue;
    const keepWritable = 'value' in desc && writable.includes(key);
    defineProperty(target, key, 'value' in desc ? { writable: keepWritable, configurable: false } : { configurable: false });
  }
}

/**
 * Freeze the built-ins reachable from `global`. The global object itself stays extensible and its
 * harness-installed bindings are whatever the caller made them (index.ts defines them non-writable).
 * `extensible` objects (Jest's `expect` and `expect.not`, to which `expect.extend` adds matchers) are
 * not frozen: their existing properties are made permanent instead.
 */
export function lockdown(globalObject: object, extensible: readonly object[] = []): void {
  const global = globalObject as typeof globalThis;
  // WebAssembly memory is not counted by the isolate's memory limit; learners never need it.
  delete (global as { WebAssembly?: unknown }).WebAssembly;
  // Cleanup callbacks run as isolate tasks after a call has returned, so no call's timeout covers them.
  delete (global as { FinalizationRegistry?: unknown }).FinalizationRegistry;
  // Shared memory and Atomics.wait serve no exercise and only widen what learner code can do.
  delete (global as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
  delete (global as { Atomics?: unknown }).Atomics;

  wrapDynamicCode(global);
  const intrinsics = collectIntrinsics(global);
  for (const [name, keys] of Object.entries(OVERRIDABLE)) {
    const ctor = (global as unknown as Record<string, { prototype: object }>)[name];
    for (const key of keys) tameOverride(ctor.prototype, key);
  }
  for (const name of NATIVE_ERRORS) {
    const ctor = (global as unknown as Record<string, { prototype: object } | undefined>)[name];
    if (ctor) for (const key of OVERRIDABLE.Error) tameOverride(ctor.prototype, key);
  }
  for (const value of extensible) {
    intrinsics.delete(value);
    lockProperties(value);
  }
  for (const [name, keys] of Object.entries(REPLACEABLE)) {
    const holder = (global as unknown as Record<string, object>)[name];
    intrinsics.delete(holder);
    lockProperties(holder, keys);
    Object.preventExtensions(holder);
  }
  for (const value of intrinsics) freeze(value);
}
