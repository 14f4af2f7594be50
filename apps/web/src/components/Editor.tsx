// CodeMirror 6 editor with JS/TS or PostgreSQL highlighting (SQL completes the exercise's tables and columns), a dark theme with good contrast, and the Run/Submit
// shortcuts bound at the highest precedence (the default keymap would otherwise insert a line).
import { basicSetup, EditorView } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting, indentUnit } from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { SourceDiagnostic, SqlSchemaTable } from '@questline/contracts';
import { tags as t } from '@lezer/highlight';
import { useEffect, useRef } from 'preact/hooks';

export interface EditorProps {
  /** Changing the key (e.g. the exercise id) recreates the editor with `initial`. */
  docKey: string;
  initial: string;
  typescript: boolean;
  /** SQL exercises: the exercise's tables, for PostgreSQL highlighting and completion (JS/TS when absent). */
  sqlSchema?: readonly SqlSchemaTable[];
  label: string;
  onChange(code: string): void;
  onRun(): void;
  onSubmit(): void;
  /** Receives a setter so the page can replace the code (reset, load solution). */
  onReady?(api: { setCode(code: string): void; focus(): void }): void;
  /** The server's type errors in this file (a compile_error), shown as squiggles and in the lint gutter. */
  diagnostics?: readonly SourceDiagnostic[];
}

/** Line/column (from 1) of the graded code onto the editor's text, clamped: the code may have changed since. */
function toCodeMirror(state: EditorState, diagnostics: readonly SourceDiagnostic[]): Diagnostic[] {
  const at = (line: number, column: number) => {
    const target = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
    return Math.min(target.from + Math.max(0, column - 1), target.to);
  };
  return diagnostics.map((d) => {
    const from = at(d.line, d.column);
    return { from, to: Math.max(from, at(d.endLine, d.endColumn)), severity: 'error', source: `TS${d.code}`, message: d.message };
  });
}

const theme = EditorView.theme(
  {
    '&': { color: '#e6edf3', backgroundColor: '#0d1117', height: '100%', fontSize: '14px' },
    '.cm-content': { caretColor: '#f0f6fc', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#f0f6fc' },
    '&.cm-focused': { outline: 'none' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: '#264f78' },
    '.cm-gutters': { backgroundColor: '#0d1117', color: '#8b949e', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#161b2280' },
    '.cm-activeLineGutter': { backgroundColor: '#161b22', color: '#e6edf3' },
    '.cm-scroller': { overflow: 'auto' },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword], color: '#ff7b72' },
  { tag: [t.string, t.special(t.string), t.regexp], color: '#a5d6ff' },
  { tag: [t.number, t.bool, t.null, t.atom], color: '#79c0ff' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: '#8b949e', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#d2a8ff' },
  { tag: [t.typeName, t.className, t.namespace], color: '#ffa657' },
  { tag: [t.definition(t.variableName)], color: '#ffa657' },
  { tag: [t.propertyName], color: '#79c0ff' },
  { tag: [t.operator, t.punctuation], color: '#e6edf3' },
]);

export function Editor(props: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  const viewRef = useRef<EditorView | null>(null);
  latest.current = props;
  const schemaKey = JSON.stringify(props.sqlSchema ?? null);

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.initial,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Shift-Enter', run: () => (latest.current.onSubmit(), true) },
              { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
            ]),
          ),
          basicSetup,
          indentUnit.of('  '),
          EditorState.tabSize.of(2),
          props.sqlSchema
            ? sql({
                dialect: PostgreSQL,
                schema: Object.fromEntries(props.sqlSchema.map((table) => [table.name, table.columns.map((c) => c.name)])),
              })
            : javascript({ typescript: props.typescript }),
          theme,
          syntaxHighlighting(highlight),
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': props.label, 'data-testid': 'code-input' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    props.onReady?.({
      setCode(code) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
      },
      focus: () => view.focus(),
    });
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
    };
    // The schema by value: a new exercise object (a hint revealed) must not recreate the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.docKey, props.typescript, schemaKey]);

  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(setDiagnostics(view.state, toCodeMirror(view.state, props.diagnostics ?? [])));
  }, [props.diagnostics, props.docKey]);

  return <div class="editor" ref={host} data-testid="editor" />;
}
