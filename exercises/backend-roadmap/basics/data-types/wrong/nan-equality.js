// Mistake: `value === NaN` is never true, so NaN is labelled 'number'.
export function typeLabel(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value === NaN) return 'nan';
  return typeof value;
}
