// Plausible mistake: returns the stored objects themselves, so callers can corrupt the data,
// and null values collide with each other.
export class UniqueConstraintError extends Error {
  constructor(fields) { super(`${fields.join('+')} already exists`); this.name = 'UniqueConstraintError'; this.fields = fields; }
}
export class Repository {
  constructor({ unique = [] } = {}) { this.rows = new Map(); this.nextId = 1; this.cons = unique.map((c) => [].concat(c)); }
  check(rec, own) {
    for (const f of this.cons) {
      for (const r of this.rows.values()) if (r.id !== own && f.every((k) => r[k] === rec[k])) throw new UniqueConstraintError(f);
    }
  }
  insert(data) { const rec = { ...data, id: this.nextId }; this.check(rec); this.nextId++; this.rows.set(rec.id, rec); return rec; }
  findById(id) { return this.rows.get(id) ?? null; }
  findBy(field, value) { for (const r of this.rows.values()) if (r[field] === value) return r; return null; }
  update(id, patch) {
    const r = this.rows.get(id);
    if (!r) return null;
    const next = { ...r, ...patch, id };
    this.check(next, id);
    this.rows.set(id, next);
    return next;
  }
  delete(id) { return this.rows.delete(id); }
  all() { return [...this.rows.values()]; }
}
