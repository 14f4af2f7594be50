// SQL exercises: the database schema beside the instructions, and a failed `expectRows` as the expected
// and received tables (TestResult.rows) rather than text. Cells are rendered as text (never as HTML).
import type { SqlRowsComparison, SqlSchemaTable, SqlTableView } from '@questline/contracts';

export function SchemaPanel({ tables }: { tables: readonly SqlSchemaTable[] }) {
  return (
    <section class="schema" aria-labelledby="schema-title" data-testid="schema">
      <h2 id="schema-title">Database schema</h2>
      {tables.length === 0 ? (
        <p class="muted">The database starts empty: your SQL creates its tables.</p>
      ) : (
        tables.map((table) => (
          <div class="schema__table" key={table.name} data-testid="schema-table" data-table={table.name}>
            <h3 class="schema__name">{table.name}</h3>
            <ul class="schema__columns">
              {table.columns.map((column) => (
                <li key={column.name}>
                  <code>{column.name}</code> <span class="schema__type">{column.type}</span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function ResultTable({ table, caption, testId }: { table: SqlTableView; caption: string; testId: string }) {
  const more = table.rowCount - table.rows.length;
  return (
    <div class="rows__side">
      <table class="rows__table" data-testid={testId}>
        <caption>
          {caption} <span class="muted">({table.rowCount === 1 ? '1 row' : `${table.rowCount} rows`})</span>
        </caption>
        <thead>
          <tr>
            {table.columns.map((name, i) => (
              <th key={i} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} class={cell === null ? 'rows__null' : undefined}>
                  {cell === null ? 'NULL' : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p class="muted">… {more} more not shown</p> : null}
    </div>
  );
}

export function RowsComparison({ rows }: { rows: SqlRowsComparison }) {
  return (
    <div class="rows" data-testid="rows-comparison">
      <p class="rows__problem" data-testid="rows-problem">
        {rows.problem}
      </p>
      <div class="rows__tables">
        <ResultTable table={rows.expected} caption={rows.ordered ? 'Expected' : 'Expected (in any order)'} testId="rows-expected" />
        <ResultTable table={rows.received} caption="Received" testId="rows-received" />
      </div>
    </div>
  );
}
