-- The outbox's bound and digests (server/store/outbox.ts): an operator's note on a message (why it is held, the
-- digest it went in) and the Message-ID it went out under when not its own (a digest's).
ALTER TABLE outbox ADD COLUMN note TEXT;
ALTER TABLE outbox ADD COLUMN sent_as TEXT;
-- A tenant's unsent messages: counted against the bound, released oldest first, folded into digests.
CREATE INDEX outbox_unsent ON outbox (tenant_id, created_at, id) WHERE status IN ('queued', 'held');
-- Customer mail goes only to an address on a paid booking.
CREATE INDEX bookings_by_email ON bookings (tenant_id, (data -> 'customer' ->> 'email'));
