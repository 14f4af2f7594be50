CREATE TABLE events (id serial PRIMARY KEY, user_id int NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL);
INSERT INTO events (user_id, kind, created_at)
  SELECT g % 20, (ARRAY['view', 'click', 'buy'])[1 + g % 3], timestamptz '2026-01-01' + g * interval '1 minute'
  FROM generate_series(1, 10000) g;
ANALYZE events;
