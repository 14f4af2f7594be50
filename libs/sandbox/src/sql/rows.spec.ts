import { compareRows, formatTable } from './rows';

describe('formatTable', () => {
  test('psql-style, NULL shown, long cells cut, more than 20 rows summarised', () => {
    expect(
      formatTable([
        { id: 1, name: 'Ada' },
        { id: 22, name: null },
      ]),
    ).toBe(' id | name\n----+------\n 1  | Ada\n 22 | NULL\n(2 rows)');
    const many = Array.from({ length: 25 }, (_, i) => ({ n: i }));
    expect(formatTable(many)).toContain(' … 5 more\n(25 rows)');
    expect(formatTable([{ t: 'x'.repeat(100) }])).toContain(`${'x'.repeat(39)}…`);
    expect(formatTable([])).toBe('(no rows)');
  });
});

describe('compareRows', () => {
  const expected = [
    { id: 1, name: 'Ada' },
    { id: 2, name: 'Bob' },
  ];
  test('equal rows, whatever the key order of the objects', () => {
    expect(
      compareRows(
        [
          { name: 'Ada', id: 1 },
          { id: 2, name: 'Bob' },
        ],
        ['id', 'name'],
        expected,
      ),
    ).toBeNull();
  });
  test('columns by name and order', () => {
    expect(compareRows([{ name: 'Ada', id: 1 }], ['name', 'id'], expected)).toMatch(
      /^The columns differ: expected id, name, received name, id\./,
    );
  });
  test('row count, then the first differing row, with both tables', () => {
    expect(compareRows([expected[0]!], ['id', 'name'], expected)).toMatch(/^Expected 2 rows, received 1\.\n\nExpected:\n id \| name/);
    expect(compareRows([expected[0]!, { id: 2, name: 'Bo' }], ['id', 'name'], expected)).toMatch(
      /^Row 2 differs\.[^]*Received:[^]* 2 {2}\| Bo\n/,
    );
  });
  test('order: named when only the order is wrong; ignored with ordered: false (as a multiset)', () => {
    const reversed = [expected[1]!, expected[0]!];
    expect(compareRows(reversed, ['id', 'name'], expected)).toMatch(/^The rows are right but in the wrong order/);
    expect(compareRows(reversed, ['id', 'name'], expected, { ordered: false })).toBeNull();
    expect(compareRows([expected[0]!, expected[0]!], ['id', 'name'], expected, { ordered: false })).toMatch(
      /^1 received row is not expected\./,
    );
  });
  test('no expected rows: the received columns are not questioned', () => {
    expect(compareRows([], ['id'], [])).toBeNull();
    expect(compareRows([{ id: 1 }], ['id'], [])).toMatch(/^Expected 0 rows, received 1\./);
  });
});
