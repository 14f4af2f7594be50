// Plausible mistake: update checks constraints against ALL records, including itself,
// so saving a record with its own email fails; and it mutates before checking.
export class UniqueConstraintError extends Error {
  constructor(fields) { super(`${fields.join('+')} already exists`); this.name = 'UniqueConstraintError'; this.fields = fields; }
}
export class Repository {
  constructor({ unique = [] } = {}) { this.rows = []; this.nextId = 1; this.cons = unique.map((c) => [].concat(c)); }
  check(rec) {
    for (const f of this.cons) {
      if (f.some((k) => rec[k] == null)) continue;
      if (this.rows.some((r) => r !== rec && f.every((k) => r[k] === rec[k]))) throw new UniqueConstraintError(f);
    }
  }
  insert(data) { const rec = { ...data, id: this.nextId }; this.check(rec); this.nextId++; this.rows.push(rec); return { ...rec }; }
  findById(id) { const r = this.rows.find((x) => x.id === id); return r ? { ...r } : null; }
  findBy(field, value) { const r = this.rows.find((x) => x[field] === value); return r ? { ...r } : null; }
  update(id, patch) {
    const r = this.rows.find((x) => x.id === id);
    if (!r) return null;
    Object.assign(r, patch, { id });
    this.check({ ...r });
    return { ...r };
  }
  delete(id) { const i = this.rows.findIndex((x) => x.id === id); if (i < 0) return false; this.rows.splice(i, 1); return true; }
  all() { return this.rows.map((r) => ({ ...r })); }
}
