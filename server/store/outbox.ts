import type { MessageAttempt, OutboxMessage } from './types';

/**
 * Unsent messages (queued or held) one tenant may have before new ones are
 * held (TEPPAN_OUTBOX_BOUND). A caterer's day sends a few dozen; 500 waiting
 * means the mail server has been down for hours or something is flooding
 * the outbox, and holding the rest keeps one tenant's backlog from crowding
 * out every other's when it drains. Held messages are never dropped: the
 * change that wrote them commits as ever, and they go out oldest first as
 * the backlog drains. Under concurrent writes on PostgreSQL a few more than
 * the bound may be queued (each transaction counts what it sees).
 */
export const OUTBOX_BOUND = 500;

/** What a store is told of its outbox when made. */
export interface OutboxOptions {
  /** See `OUTBOX_BOUND`. */
  outboxBound?: number;
}

/** Mail to the business's own notification address (`team-new-booking`, `team-lead`…), not to a customer. */
export const isTeamKind = (kind: string) => kind.startsWith('team-');

/** What the admin list says of a held message. */
export const heldNote = (bound: number) =>
  `Held: this business already has ${bound} messages waiting to be sent (the outbox's bound). It goes out, oldest first, as they drain.`;

/**
 * `messages` as they are to be written when their tenant has `unsent` waiting
 * already: queued up to `bound`, held past it (and after any held before
 * them, so the order stays oldest first).
 */
export function withinBound(messages: readonly OutboxMessage[], unsent: number, bound: number): OutboxMessage[] {
  return messages.map((m, i) => (unsent + i < bound ? m : { ...m, status: 'held', note: heldNote(bound) }));
}

/**
 * How the SQL stores keep an outbox message: what it says (fixed when queued)
 * as one JSON column, its delivery (status, attempts, lease…) as columns a
 * sender's claim and mark can read and write.
 */
export interface OutboxRow {
  data: string | Omit<OutboxMessage, DeliveryField>;
  status: OutboxMessage['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  sent_at: number | null;
  lease_token: string | null;
  lease_until: number;
  note: string | null;
  sent_as: string | null;
}

type DeliveryField = 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'lease' | 'note' | 'sentAs';

/** The part of a message fixed when it is queued, as JSON. */
export function outboxContent({
  status: _s,
  attempts: _a,
  nextAttemptAt: _n,
  lastError: _l,
  sentAt: _t,
  lease: _x,
  note: _o,
  sentAs: _as,
  ...content
}: OutboxMessage): string {
  return JSON.stringify(content);
}

export function messageOfRow(r: OutboxRow): OutboxMessage {
  const content = typeof r.data === 'string' ? (JSON.parse(r.data) as Omit<OutboxMessage, DeliveryField>) : r.data;
  return {
    ...content,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.sent_at !== null ? { sentAt: r.sent_at } : {}),
    ...(r.lease_token !== null ? { lease: { token: r.lease_token, until: r.lease_until } } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(r.sent_as !== null ? { sentAs: r.sent_as } : {}),
  };
}

/** A message after one attempt at sending it (or a deferral, which is none): its lease freed. */
export function afterAttempt({ lease: _, ...m }: OutboxMessage, attempt: MessageAttempt): OutboxMessage {
  const attempts = m.attempts + 1;
  switch (attempt.status) {
    case 'sent':
      return {
        ...m,
        attempts,
        status: 'sent',
        sentAt: attempt.at,
        ...(attempt.as ? { sentAs: attempt.as } : {}),
        ...(attempt.note ? { note: attempt.note } : {}),
      };
    case 'queued':
      return { ...m, attempts, status: 'queued', lastError: attempt.error, nextAttemptAt: attempt.nextAttemptAt };
    case 'failed':
      return { ...m, attempts, status: 'failed', lastError: attempt.error };
    case 'deferred':
      return { ...m, nextAttemptAt: attempt.nextAttemptAt };
  }
}

/**
 * The columns an attempt writes, in the order the SQL stores bind them:
 * attempts added, status, last_error, next_attempt_at, sent_at, sent_as, note.
 */
export function attemptColumns(
  attempt: MessageAttempt,
): [number, OutboxMessage['status'], string | null, number | null, number | null, string | null, string | null] {
  switch (attempt.status) {
    case 'sent':
      return [1, 'sent', null, null, attempt.at, attempt.as ?? null, attempt.note ?? null];
    case 'queued':
      return [1, 'queued', attempt.error, attempt.nextAttemptAt, null, null, null];
    case 'failed':
      return [1, 'failed', attempt.error, null, null, null, null];
    case 'deferred':
      return [0, 'queued', null, attempt.nextAttemptAt, null, null, null];
  }
}
