// Reading a YAML manifest and validating it against a zod schema, collecting issues instead of
// throwing so a validator can report every problem at once. The file's size, its nesting depth and its
// aliases are bounded before anything is built from it, so an alias bomb or a deeply nested document is
// a report line naming the file and field, not a stalled or crashed process.
import fs from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { fieldPath, zodIssues } from './issues';
import { PACK_LIMITS, formatBytes } from './limits';
import type { FormatIssue } from './types';

/** The first place where the document nests deeper or uses more aliases than PACK_LIMITS.yaml allows. */
function structureIssue(doc: Document, file: string): FormatIssue | null {
  const { depth: maxDepth, aliases: maxAliases } = PACK_LIMITS.yaml;
  const at = (path: PropertyKey[], message: string): FormatIssue =>
    path.length > 0 ? { file, field: fieldPath(path), message } : { file, message };
  let aliases = 0;
  // Iterative, so the walk itself cannot overflow the stack.
  const stack: Array<{ node: unknown; path: PropertyKey[] }> = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isAlias(node)) {
      aliases += 1;
      if (aliases > maxAliases) return at(path, `uses more than ${maxAliases} YAML aliases (*name); write the values out`);
      continue;
    }
    if (path.length > maxDepth) return at(path, `is nested more than ${maxDepth} levels deep`);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isAlias(pair.key)) stack.push({ node: pair.key, path });
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    }
  }
  return null;
}

export function readManifest<T>(
  absolutePath: string,
  displayPath: string,
  schema: z.ZodType<T, unknown>,
): { value?: T; issues: FormatIssue[] } {
  let source: string;
  try {
    const { size } = fs.statSync(absolutePath);
    if (size > PACK_LIMITS.bytes.manifest) {
      return { issues: [{ file: displayPath, message: `is ${formatBytes(size)}; at most ${formatBytes(PACK_LIMITS.bytes.manifest)}` }] };
    }
    source = fs.readFileSync(absolutePath, 'utf8');
  } catch {
    return { issues: [{ file: displayPath, message: 'is missing' }] };
  }
  let doc: Document;
  try {
    doc = parseDocument(source, { prettyErrors: true });
  } catch (error) {
    // The parser recurses on nesting: a few thousand `[` overflow its stack before the depth check runs.
    if (error instanceof RangeError) return { issues: [{ file: displayPath, message: 'invalid YAML: nested too deeply' }] };
    throw error;
  }
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((error) => ({
        file: displayPath,
        // With prettyErrors the first line already says `... at line L, column C:`.
        message: `invalid YAML: ${error.message.split('\n')[0].replace(/:$/, '')}`,
      })),
    };
  }
  const structure = structureIssue(doc, displayPath);
  if (structure) return { issues: [structure] };
  let data: unknown;
  try {
    // yaml's own expansion guard, behind ours: an alias count the walk allowed can never trip it.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { issues: [{ file: displayPath, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { issues: [{ file: displayPath, message: 'must be a YAML mapping (field: value lines)' }] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { issues: zodIssues(displayPath, parsed.error) };
  return { value: parsed.data, issues: [] };
}
