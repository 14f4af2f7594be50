CREATE INDEX events_user_created ON events (user_id, created_at);
ANALYZE events;
