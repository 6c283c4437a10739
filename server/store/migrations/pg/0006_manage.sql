-- A cancellation's refund is recorded pending in the cancelling transaction and done through the provider just
-- after; the few a crash or a provider outage leave pending are read through this index and tried again.
CREATE INDEX payments_refund_pending ON payments (created_at) WHERE (data -> 'refund' ->> 'status') = 'pending';
