// Reading a YAML manifest and validating it against a zod schema, collecting issues instead of
// throwing so a validator can report every problem at once.
import fs from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { zodIssues } from './issues';
import type { FormatIssue } from './types';

export function readManifest<T>(
  absolutePath: string,
  displayPath: string,
  schema: z.ZodType<T, unknown>,
): { value?: T; issues: FormatIssue[] } {
  let source: string;
  try {
    source = fs.readFileSync(absolutePath, 'utf8');
  } catch {
    return { issues: [{ file: displayPath, message: 'is missing' }] };
  }
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((error) => ({
        file: displayPath,
        // With prettyErrors the first line already says `... at line L, column C:`.
        message: `invalid YAML: ${error.message.split('\n')[0].replace(/:$/, '')}`,
      })),
    };
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { issues: [{ file: displayPath, message: 'must be a YAML mapping (field: value lines)' }] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { issues: zodIssues(displayPath, parsed.error) };
  return { value: parsed.data, issues: [] };
}
