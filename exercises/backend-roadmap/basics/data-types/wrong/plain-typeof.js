// Mistake: trusts typeof blindly, so null and arrays come back as 'object'.
export function typeLabel(value) {
  if (typeof value === 'number' && isNaN(value)) return 'nan';
  return typeof value;
}
