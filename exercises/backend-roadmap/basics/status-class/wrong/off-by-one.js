// Mistake: uses <= at the boundaries, so 200 counts as informational and 600 as a server error.
export function statusClass(code) {
  if (typeof code !== 'number' || !Number.isInteger(code)) return 'invalid';
  if (code < 100 || code > 600) return 'invalid';
  if (code <= 200) return 'informational';
  if (code <= 300) return 'success';
  if (code <= 400) return 'redirect';
  if (code <= 500) return 'client error';
  return 'server error';
}
