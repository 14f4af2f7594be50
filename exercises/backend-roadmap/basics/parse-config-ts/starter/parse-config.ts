export interface Config {
  host: string;
  port: number;
}

export type LoadResult = { ok: true; config: Config } | { ok: false; error: string; field?: string };

/** An error about one invalid setting. */
export class ValidationError extends Error {
  readonly field: string;

  constructor(message: string, field: string) {
    super(message);
    this.field = field;
    throw new Error('Remove this line and finish the constructor');
  }
}

/** Parses a TCP port (a number or a string of digits, 1..65535); throws a ValidationError otherwise. */
export function parsePort(value: unknown): number {
  throw new Error('Remove this line and implement the function');
}

/** Parses the JSON settings; never throws for bad input. */
export function loadConfig(jsonText: string): LoadResult {
  throw new Error('Remove this line and implement the function');
}
