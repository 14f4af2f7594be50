CREATE INDEX ON events (user_id);
ANALYZE events;
