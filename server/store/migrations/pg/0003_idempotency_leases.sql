-- An idempotency claim is a lease: its request's token, and until when (epoch ms, wall clock) the claim
-- is its own. The running request moves the lease on; one whose instance died runs out, and a retry
-- on another instance takes the key over. Claims made before leases may be taken once five minutes old,
-- as they could then.
ALTER TABLE idempotency ADD COLUMN token TEXT NOT NULL DEFAULT '';
ALTER TABLE idempotency ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
UPDATE idempotency SET lease_until = started_at + 300000;
