/** Ids in the API are UUIDs; checking the shape first turns a malformed id into a 4xx instead of a database error. */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
