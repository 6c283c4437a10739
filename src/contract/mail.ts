import { isoDateTime, nextCursor, resourceId } from './common';
import { lazySchema } from './lazy';
import { z } from './zod';

/** One message of the outbox as the admin list shows it: to whom, what, and how its delivery went. */
export const outboxMessage = lazySchema(() =>
  z.object({
    id: resourceId,
    /** What it announces: `booking-confirmed`, `team-new-booking`, `team-lead`… */
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    /**
     * `queued` until the mail server accepts it (`sent`), or until retries run out (`failed`); `held` while its
     * business has more unsent messages than the outbox's bound (queued again, oldest first, as they drain).
     */
    status: z.enum(['queued', 'held', 'sent', 'failed']),
    /** Tries made so far. */
    attempts: z.int().check(z.gte(0)),
    createdAt: isoDateTime,
    /** When the mail server accepted it; null until then. */
    sentAt: z.nullable(isoDateTime),
    /** Why the last try failed, if one did. */
    lastError: z.optional(z.string()),
    /** What an operator should know of it: why it is held or was not sent, or the digest it went out in. */
    note: z.optional(z.string()),
  }),
);
export type OutboxMessageSummary = z.infer<typeof outboxMessage>;

export const adminMessageList = lazySchema(() => z.object({ messages: z.array(outboxMessage), nextCursor: nextCursor() }));
export type AdminMessageList = z.infer<typeof adminMessageList>;
