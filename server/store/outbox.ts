import type { MessageAttempt, OutboxMessage } from './types';

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
}

type DeliveryField = 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'lease';

/** The part of a message fixed when it is queued, as JSON. */
export function outboxContent({ status: _s, attempts: _a, nextAttemptAt: _n, lastError: _l, sentAt: _t, lease: _x, ...content }: OutboxMessage): string {
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
  };
}

/** A message after one attempt at sending it: one attempt more, its lease freed. */
export function afterAttempt({ lease: _, ...m }: OutboxMessage, attempt: MessageAttempt): OutboxMessage {
  const attempts = m.attempts + 1;
  switch (attempt.status) {
    case 'sent':
      return { ...m, attempts, status: 'sent', sentAt: attempt.at };
    case 'queued':
      return { ...m, attempts, status: 'queued', lastError: attempt.error, nextAttemptAt: attempt.nextAttemptAt };
    case 'failed':
      return { ...m, attempts, status: 'failed', lastError: attempt.error };
  }
}

/** The columns an attempt writes, in the order the SQL stores bind them: status, last_error, next_attempt_at, sent_at. */
export function attemptColumns(attempt: MessageAttempt): [OutboxMessage['status'], string | null, number | null, number | null] {
  switch (attempt.status) {
    case 'sent':
      return ['sent', null, null, attempt.at];
    case 'queued':
      return ['queued', attempt.error, attempt.nextAttemptAt, null];
    case 'failed':
      return ['failed', attempt.error, null, null];
  }
}
