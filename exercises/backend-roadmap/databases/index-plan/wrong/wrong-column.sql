CREATE INDEX ON events (created_at);
ANALYZE events;
