// `test.each` / `describe.each` tables and Jest's title formatting (%s %d %i %f %j %o %p %# %%, $key).

import { format as prettyFormat } from 'pretty-format';

type Row = { args: unknown[]; titleValues: unknown[]; object: Record<string, unknown> | null };

function pretty(value: unknown): string {
  try {
    return prettyFormat(value, { maxDepth: 1, min: true });
  } catch {
    return '[unprintable]';
  }
}

function isTemplateTable(table: unknown): table is TemplateStringsArray {
  return Array.isArray(table) && Object.prototype.hasOwnProperty.call(table, 'raw');
}

/** Normalises the three table forms: array of arrays, array of values, tagged template. */
export function tableRows(table: unknown, templateValues: unknown[]): Row[] {
  if (isTemplateTable(table)) {
    const headings = table[0]
      .split('|')
      .map((heading) => heading.trim())
      .filter(Boolean);
    const rows: Row[] = [];
    for (let i = 0; headings.length > 0 && i + headings.length <= templateValues.length; i += headings.length) {
      const object: Record<string, unknown> = {};
      headings.forEach((heading, column) => (object[heading] = templateValues[i + column]));
      rows.push({ args: [object], titleValues: [], object });
    }
    return rows;
  }
  if (!Array.isArray(table)) throw new TypeError('.each must be called with an array or a tagged template');
  return table.map((row: unknown) =>
    Array.isArray(row)
      ? { args: row, titleValues: row, object: null }
      : { args: [row], titleValues: [row], object: row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : null },
  );
}

function lookupPath(object: Record<string, unknown>, path: string): unknown {
  let value: unknown = object;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function formatTitle(template: string, row: Row, index: number): string {
  let title = String(template);
  if (row.object && title.includes('$')) {
    const object = row.object;
    title = title.replace(/\$([A-Za-z_$][\w$]*(?:\.[\w$]+)*)/g, (match, path: string) =>
      path === '#' ? String(index) : pretty(lookupPath(object, path)),
    );
  }
  const values = [...row.titleValues];
  title = title.replace(/%([sdifjopO#%])/g, (match, flag: string) => {
    if (flag === '%') return '%';
    if (flag === '#') return String(index);
    if (values.length === 0) return match;
    const value = values.shift();
    switch (flag) {
      case 's':
        return typeof value === 'string' ? value : pretty(value);
      case 'd':
      case 'i':
        return String(flag === 'i' ? Math.trunc(Number(value)) : Number(value));
      case 'f':
        return String(Number(value));
      case 'j':
        try {
          return JSON.stringify(value);
        } catch {
          return '[Circular]';
        }
      default:
        return pretty(value);
    }
  });
  return title;
}
