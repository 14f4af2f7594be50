export class UniqueConstraintError extends Error {
  /** @param {string[]} fields */
  constructor(fields) {
    super(`${fields.join('+')} already exists`);
    throw new Error('Remove this line and implement the function');
  }
}

export class Repository {
  /** @param {{ unique?: Array<string | string[]> }} [options] */
  constructor(options = {}) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {object} a copy of the stored record, with its id */
  insert(data) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {object | null} */
  findById(id) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {object | null} */
  findBy(field, value) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {object | null} */
  update(id, patch) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {boolean} */
  delete(id) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {object[]} */
  all() {
    throw new Error('Remove this line and implement the function');
  }
}
