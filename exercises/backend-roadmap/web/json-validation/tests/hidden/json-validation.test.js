import { describe, expect, test } from '@jest/globals';
import { validate } from './validate';

describe('validate (hidden)', () => {
  test('null, arrays and objects are different types', () => {
    expect(validate({ type: 'object' }, null)).toEqual(['$: expected object']);
    expect(validate({ type: 'object' }, [])).toEqual(['$: expected object']);
    expect(validate({ type: 'array' }, {})).toEqual(['$: expected array']);
    expect(validate({ type: 'null' }, null)).toEqual([]);
    expect(validate({ type: 'null' }, 0)).toEqual(['$: expected null']);
  });

  test('integer vs number, and NaN/Infinity', () => {
    expect(validate({ type: 'integer' }, 1.5)).toEqual(['$: expected integer']);
    expect(validate({ type: 'number' }, 1.5)).toEqual([]);
    expect(validate({ type: 'number' }, NaN)).toEqual(['$: expected number']);
    expect(validate({ type: 'number' }, Infinity)).toEqual(['$: expected number']);
    expect(validate({ type: 'boolean' }, 'true')).toEqual(['$: expected boolean']);
  });

  test('stops after a type error on a value', () => {
    expect(validate({ type: 'string', minLength: 3, enum: ['abc'] }, 5)).toEqual(['$: expected string']);
  });

  test('maxLength, inclusive bounds and enum without a type', () => {
    const s = { type: 'object', properties: { code: { type: 'string', minLength: 2, maxLength: 3 }, n: { type: 'number', min: 1, max: 2 }, v: { enum: [1, 'one', null] } } };
    expect(validate(s, { code: 'ab', n: 1, v: null })).toEqual([]);
    expect(validate(s, { code: 'abc', n: 2, v: 'one' })).toEqual([]);
    expect(validate(s, { code: 'abcd', n: 2.5, v: '1' })).toEqual([
      '$.code: must be at most 3 characters',
      '$.n: must be <= 2',
      '$.v: must be one of 1, one, ',
    ]);
  });

  test('nested objects inside arrays build the full path', () => {
    const schema = {
      type: 'object',
      properties: {
        items: { type: 'array', items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' }, qty: { type: 'integer', min: 1 } } } },
      },
    };
    expect(validate(schema, { items: [{ sku: 'A', qty: 1 }, { qty: 0 }, 'x'] })).toEqual([
      '$.items[1].sku: is required',
      '$.items[1].qty: must be >= 1',
      '$.items[2]: expected object',
    ]);
  });

  test('undefined counts as missing; properties come in schema order; unknown keys in value order', () => {
    const schema = { type: 'object', required: ['b', 'a'], properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'number' } } };
    expect(validate(schema, { z: 1, c: 'x', a: 1, b: undefined, y: 2 })).toEqual([
      '$.b: is required',
      '$.a: expected string',
      '$.c: expected number',
      '$.z: unknown property',
      '$.y: unknown property',
    ]);
  });

  test('objects without properties in the schema accept any keys; no type accepts anything', () => {
    expect(validate({ type: 'object' }, { anything: 1 })).toEqual([]);
    expect(validate({}, [1, 'two', null])).toEqual([]);
    expect(validate({ type: 'object', properties: {} }, { constructor: 1 })).toEqual(['$.constructor: unknown property']);
  });
});
