export class UniqueConstraintError extends Error {
  /** @param {string[]} fields */
  constructor(fields) {
    super(`${fields.join('+')} already exists`);
    this.name = 'UniqueConstraintError';
    this.fields = fields;
  }
}

export class Repository {
  #records = new Map();
  #nextId = 1;
  #constraints;

  /** @param {{ unique?: Array<string | string[]> }} [options] */
  constructor({ unique = [] } = {}) {
    this.#constraints = unique.map((c) => (Array.isArray(c) ? [...c] : [c]));
  }

  #check(record, ownId) {
    for (const fields of this.#constraints) {
      const values = fields.map((f) => record[f]);
      if (values.some((v) => v === null || v === undefined)) continue;
      for (const other of this.#records.values()) {
        if (other.id !== ownId && fields.every((f, i) => other[f] === values[i])) throw new UniqueConstraintError([...fields]);
      }
    }
  }

  /** @returns {object} a copy of the stored record, with its id */
  insert(data) {
    const record = { ...data, id: this.#nextId };
    this.#check(record, undefined);
    this.#nextId++;
    this.#records.set(record.id, record);
    return { ...record };
  }

  /** @returns {object | null} */
  findById(id) {
    const record = this.#records.get(id);
    return record ? { ...record } : null;
  }

  /** @returns {object | null} */
  findBy(field, value) {
    for (const record of this.#records.values()) if (record[field] === value) return { ...record };
    return null;
  }

  /** @returns {object | null} */
  update(id, patch) {
    const current = this.#records.get(id);
    if (!current) return null;
    const next = { ...current, ...patch, id };
    this.#check(next, id);
    this.#records.set(id, next);
    return { ...next };
  }

  /** @returns {boolean} */
  delete(id) {
    return this.#records.delete(id);
  }

  /** @returns {object[]} */
  all() {
    return [...this.#records.values()].map((r) => ({ ...r }));
  }
}
