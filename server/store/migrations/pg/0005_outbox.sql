-- The outbox (server/mail): every message, written in the transaction of the
-- change it announces. What it says is `data` (fixed when queued); its
-- delivery is the columns a sender's claim and mark read and write. Times are
-- epoch ms; next_attempt_at, lease_until and sent_at on the wall clock every
-- instance shares. lease_until is 0 when no sender holds the message.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  lease_token TEXT,
  lease_until BIGINT NOT NULL,
  data JSON NOT NULL
);
-- The admin list, a page at a time.
CREATE INDEX outbox_by_tenant ON outbox (tenant_id, created_at, id);
-- What a sender looks for: only queued messages, soonest due first.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
