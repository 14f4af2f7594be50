// Read-only code with the editor's syntax colours (test files, a failing test's code, past attempts).
// Lezer's classHighlighter gives `tok-*` class names (styles.css colours them); every piece is a text
// node, so code is never parsed as HTML.
import { javascriptLanguage, typescriptLanguage } from '@codemirror/lang-javascript';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { useMemo } from 'preact/hooks';

interface Piece {
  text: string;
  classes: string;
}

/** Past this size, plain text: highlighting is a nicety, not worth a slow page. */
const MAX_HIGHLIGHT_CHARS = 100_000;

export function highlightPieces(code: string, typescript: boolean): Piece[] {
  if (code.length > MAX_HIGHLIGHT_CHARS) return [{ text: code, classes: '' }];
  const parser = (typescript ? typescriptLanguage : javascriptLanguage).parser;
  const pieces: Piece[] = [];
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => pieces.push({ text, classes }),
    () => pieces.push({ text: '\n', classes: '' }),
  );
  return pieces;
}

export function Code({
  code,
  typescript = false,
  className,
  testId,
}: {
  code: string;
  typescript?: boolean;
  className?: string;
  testId?: string;
}) {
  const pieces = useMemo(() => highlightPieces(code, typescript), [code, typescript]);
  return (
    // A block <code>, not a <pre>: the results panel keeps every <pre> for text the server sent, with no
    // element inside (the browser tests check that), while these spans are the page's own.
    <code class={`code ${className ?? ''}`} data-testid={testId}>
      {pieces.map((p, i) =>
        p.classes ? (
          <span key={i} class={p.classes}>
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </code>
  );
}
