// The tables and columns an exercise's schema.sql creates, read from its text when the pack is loaded
// (docs/sql.md): what the web shows beside the instructions and offers for completion. Pure: no database.
// Only CREATE TABLE and ALTER TABLE … ADD/DROP/RENAME COLUMN are read; anything else (INSERTs, indexes,
// functions) is skipped. A statement it cannot read is skipped, never an error: the panel is an aid.
import type { SqlSchemaColumn, SqlSchemaTable } from '@questline/contracts';

const MAX_TABLES = 50;
const MAX_COLUMNS = 100;
const MAX_TYPE = 60;

/** Replaces comments and string literals with spaces (lengths kept) so `;`, `,` and `(` inside them do not count. */
function blankLiterals(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
    let end = -1;
    if (rest.startsWith('--')) end = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
    else if (rest.startsWith('/*')) end = sql.indexOf('*/', i + 2) === -1 ? sql.length : sql.indexOf('*/', i + 2) + 2;
    else if (dollar) {
      const close = sql.indexOf(dollar[0], i + dollar[0].length);
      end = close === -1 ? sql.length : close + dollar[0].length;
    } else if (sql[i] === "'") {
      end = i + 1;
      while (end < sql.length && !(sql[end] === "'" && sql[end + 1] !== "'")) end += sql[end] === "'" ? 2 : 1;
      end = Math.min(end + 1, sql.length);
    }
    if (end === -1) {
      out += sql[i];
      i++;
    } else {
      out += sql.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    }
  }
  return out;
}

/** Splits on `sep` outside parentheses and double quotes. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = String.raw`(?:${NAME}\s*\.\s*)?(${NAME})`;

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}

const TABLE_CONSTRAINT = /^(constraint|primary\s+key|unique|check|foreign\s+key|exclude|like)\b/i;
/** Where a column's type ends: the first constraint or option keyword. */
const COLUMN_OPTION =
  /\s+(not\s+null|null|default|primary\s+key|references|unique|check|constraint|generated|collate)\b|\s+(?:not\s+)?deferrable\b/i;

function column(definition: string): SqlSchemaColumn | null {
  const match = new RegExp(String.raw`^(${NAME})\s+([\s\S]+)$`).exec(definition.trim());
  if (!match || TABLE_CONSTRAINT.test(definition.trim())) return null;
  const option = COLUMN_OPTION.exec(` ${match[2]}`);
  const type = (option ? ` ${match[2]}`.slice(0, option.index) : match[2]).trim().replace(/\s+/g, ' ').toLowerCase();
  if (!type) return null;
  return { name: unquote(match[1]!), type: type.length > MAX_TYPE ? `${type.slice(0, MAX_TYPE - 1)}…` : type };
}

function createTable(statement: string): SqlSchemaTable | null {
  const head = new RegExp(
    String.raw`^create\s+(?:(?:global\s+|local\s+)?(?:temporary|temp)\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}\s*\(`,
    'i',
  ).exec(statement);
  if (!head) return null;
  const open = head[0].length - 1;
  let depth = 0;
  let close = -1;
  for (let i = open; i < statement.length; i++) {
    if (statement[i] === '(') depth++;
    else if (statement[i] === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1) return null;
  const columns = splitTopLevel(statement.slice(open + 1, close), ',')
    .map(column)
    .filter((c): c is SqlSchemaColumn => c !== null)
    .slice(0, MAX_COLUMNS);
  return { name: unquote(head[1]!), columns };
}

function alterTable(statement: string, tables: Map<string, SqlSchemaTable>): void {
  const head = new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${QUALIFIED}\s+`, 'i').exec(statement);
  const table = head ? tables.get(unquote(head[1]!)) : undefined;
  if (!head || !table) return;
  for (const action of splitTopLevel(statement.slice(head[0].length), ',')) {
    const add = /^add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?([\s\S]+)$/i.exec(action);
    const drop = new RegExp(String.raw`^drop\s+(?:column\s+)?(?:if\s+exists\s+)?(${NAME})`, 'i').exec(action);
    const rename = new RegExp(String.raw`^rename\s+(?:column\s+)?(${NAME})\s+to\s+(${NAME})`, 'i').exec(action);
    if (add && !TABLE_CONSTRAINT.test(add[1]!)) {
      const added = column(add[1]!);
      if (added && table.columns.length < MAX_COLUMNS) table.columns.push(added);
    } else if (drop && !/^drop\s+constraint\b/i.test(action)) {
      table.columns = table.columns.filter((c) => c.name !== unquote(drop[1]!));
    } else if (rename) {
      const target = table.columns.find((c) => c.name === unquote(rename[1]!));
      if (target) target.name = unquote(rename[2]!);
    }
  }
}

/** The tables schema.sql leaves behind, in creation order. */
export function parseSqlSchema(sql: string): SqlSchemaTable[] {
  const tables = new Map<string, SqlSchemaTable>();
  for (const statement of splitTopLevel(blankLiterals(sql), ';')) {
    const created = createTable(statement);
    if (created) {
      if (tables.size < MAX_TABLES || tables.has(created.name)) tables.set(created.name, created);
      continue;
    }
    const dropped = new RegExp(String.raw`^drop\s+table\s+(?:if\s+exists\s+)?([\s\S]+)$`, 'i').exec(statement);
    if (dropped) {
      for (const name of splitTopLevel(dropped[1]!.replace(/\s+(cascade|restrict)\s*$/i, ''), ',')) {
        tables.delete(unquote(name.split('.').pop()!.trim()));
      }
      continue;
    }
    alterTable(statement, tables);
  }
  return [...tables.values()];
}
