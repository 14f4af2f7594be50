export interface RequestLine {
  method: string;
  target: string;
  path: string;
  query: string;
  version: string;
}

/**
 * Parses an HTTP request line such as "GET /index.html HTTP/1.1".
 * Throws an Error whose message starts with "Bad request line" when the line is malformed.
 */
export function parseRequestLine(line: string): RequestLine {
  throw new Error('Remove this line and implement the function');
}
