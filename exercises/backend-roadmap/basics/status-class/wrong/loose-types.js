// Mistake: never checks the type, so '404' and 200.5 get a class instead of 'invalid'.
export function statusClass(code) {
  if (code < 100 || code > 599) return 'invalid';
  if (code < 200) return 'informational';
  if (code < 300) return 'success';
  if (code < 400) return 'redirect';
  if (code < 500) return 'client error';
  return 'server error';
}
