// A counting driver hook for the statement-count suite: preloaded (-r) into an api or worker process when
// SQL_COUNT_FILE is set, it appends one byte to that file per statement sent through node-postgres (TypeORM
// and the repositories all go through pg.Client#query), so the file's size is the process's statement count.
const fs = require('node:fs');

const file = process.env.SQL_COUNT_FILE;
if (file) {
  const { Client } = require('pg');
  const query = Client.prototype.query;
  Client.prototype.query = function countedQuery(...args) {
    fs.appendFileSync(file, '.');
    return query.apply(this, args);
  };
}
