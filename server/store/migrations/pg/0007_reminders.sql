-- Reminders (server/mail/reminders.ts). A booking's start, apart from its data, so the
-- scheduler finds the confirmed bookings starting within a window through an index.
ALTER TABLE bookings ADD COLUMN start_at BIGINT;
UPDATE bookings SET start_at = (data ->> 'start')::bigint;
ALTER TABLE bookings ALTER COLUMN start_at SET NOT NULL;
CREATE INDEX bookings_confirmed_by_start ON bookings (tenant_id, start_at) WHERE status = 'confirmed';

-- One row per reminder queued: its key is the booking, the reminder (hours before) and the start it was for,
-- so two instances or two runs never queue it twice, and a booking moved to a new start is reminded again.
CREATE TABLE reminders (
  booking_id TEXT NOT NULL,
  hours INTEGER NOT NULL,
  start_at BIGINT NOT NULL,
  tenant_id TEXT NOT NULL,
  queued_at BIGINT NOT NULL,
  PRIMARY KEY (booking_id, hours, start_at)
);
