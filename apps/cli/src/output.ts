// Where commands write, so tests can capture it, and a little colour when a person is watching.

export interface Output {
  log(line: string): void;
  error(line: string): void;
  /** Colour escapes only for a terminal and when NO_COLOR is unset. */
  color: boolean;
}

export const consoleOutput: Output = {
  log: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Collects lines in memory (tests, and callers that want the text). */
export function memoryOutput(): Output & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    color: false,
    log: (line) => lines.push(line),
    error: (line) => lines.push(line),
    text: () => lines.join('\n'),
  };
}

const CODES = { green: 32, red: 31, yellow: 33, dim: 2, bold: 1 } as const;

export function paint(out: Output, style: keyof typeof CODES, text: string): string {
  return out.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}
