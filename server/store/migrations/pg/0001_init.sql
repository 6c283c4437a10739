-- Teppan's schema on PostgreSQL, as the SQLite store has it (server/store/sqlite.ts).
-- Times are epoch milliseconds (BIGINT); records are their JSON (json, not jsonb:
-- kept as written, and a chat message may hold any text). Lists read in insertion
-- order by an identity column, like SQLite's rowid.

CREATE TABLE quotes (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  data JSON NOT NULL
);
CREATE INDEX quotes_by_expiry ON quotes (expires_at);

CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  slot_id TEXT NOT NULL,
  -- The seating's date, apart: ranges of dates and the per-date lock read it, whatever the collation.
  slot_date DATE NOT NULL,
  quote_id TEXT NOT NULL,
  holder TEXT,
  status TEXT NOT NULL,
  hold_expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  data JSON NOT NULL
);
CREATE INDEX bookings_by_date ON bookings (tenant_id, slot_date, slot_id);
CREATE INDEX bookings_by_quote ON bookings (tenant_id, quote_id);
CREATE INDEX bookings_by_holder ON bookings (tenant_id, holder, slot_date);
CREATE INDEX bookings_by_tenant ON bookings (tenant_id, created_at, id);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  booking_id TEXT NOT NULL,
  status TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_ref TEXT,
  created_at BIGINT NOT NULL,
  data JSON NOT NULL
);
CREATE INDEX payments_by_tenant ON payments (tenant_id, created_at, id);
CREATE INDEX payments_by_ref ON payments (provider, provider_ref);
-- The last line of defence for "never two charges": one succeeded payment per booking.
CREATE UNIQUE INDEX one_success_per_booking ON payments (booking_id) WHERE status = 'succeeded';

CREATE TABLE idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  status INTEGER,
  body TEXT,
  location TEXT,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_by_age ON idempotency (started_at);

-- Providers redeliver webhook events; each is handled once.
CREATE TABLE webhook_events (
  provider TEXT NOT NULL,
  id TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (provider, id)
);

CREATE TABLE conversations (
  seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX conversations_by_tenant ON conversations (tenant_id, seq);

CREATE TABLE chat_messages (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  id TEXT NOT NULL,
  data JSON NOT NULL,
  -- A message sent twice is stored once.
  UNIQUE (conversation_id, id)
);

CREATE TABLE leads (
  seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  data JSON NOT NULL
);
CREATE INDEX leads_by_tenant ON leads (tenant_id, seq);

CREATE TABLE meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
