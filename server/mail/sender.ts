import { randomId } from '../../src/core/ids';
import type { MessageAttempt, OutboxMessage, Store } from '../store/types';
import { type RetryPolicy, retryAt } from './retry';

/** Hands one message to the mail server; resolves once it accepted it, rejects with why it did not. */
export type SendMail = (message: OutboxMessage) => Promise<void>;

/**
 * How long a claimed batch stays this sender's. Far longer than sending it
 * takes (each send is bounded by the transport's timeouts), so only a sender
 * that died loses its claim; its messages are then sent by another, with the
 * Message-ID they were queued with.
 */
export const MAIL_LEASE_MS = 5 * 60_000;
/** Messages claimed at once: a few, so one slow mail server holds few. */
const BATCH = 5;

export interface MailerOptions {
  store: Store;
  send: SendMail;
  retry: RetryPolicy;
  /** How often it looks for due messages, besides when told one was queued. */
  pollMs: number;
  /** The wall clock every instance shares (leases, retries): never the business clock chaos moves. */
  clock?: () => number;
}

export interface Mailer {
  /** Looks for due messages now (a message was just queued); resolves when that pass is over. */
  kick(): Promise<void>;
  /** Stops looking; resolves when the batch in hand is recorded. */
  stop(): Promise<void>;
}

/**
 * The outbox's sender, in the server process: claims due messages under a
 * lease (safe with several instances on one database), sends each, and
 * records the attempt: sent, due again later, or failed for good.
 */
export function startMailer({ store, send, retry, pollMs, clock = Date.now }: MailerOptions): Mailer {
  /** The pass under way, and the one to run after it (shared by every kick meanwhile). */
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  let stopped = false;

  async function attempt(message: OutboxMessage, token: string) {
    let outcome: MessageAttempt;
    try {
      await send(message);
      outcome = { status: 'sent', at: clock() };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const attempts = message.attempts + 1;
      const again = retryAt(attempts, clock(), retry);
      outcome = again === undefined ? { status: 'failed', error: why } : { status: 'queued', error: why, nextAttemptAt: again };
      console.warn(`[teppan] mail ${message.id} (${message.kind}) not sent, attempt ${attempts}: ${why}${again === undefined ? '; giving up' : ''}`);
    }
    // Sent but not marked (the database gone meanwhile): the lease runs out and it goes again, with its Message-ID.
    await store.finishMessageAttempt(message.id, token, outcome);
  }

  async function drain() {
    while (!stopped) {
      const token = randomId();
      const batch = await store.claimMessages(clock(), { token, until: clock() + MAIL_LEASE_MS }, BATCH);
      if (batch.length === 0) return;
      for (const message of batch) await attempt(message, token);
    }
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      // The pass under way may have looked before this message was queued: one more pass after it.
      next ??= running.then(() => {
        next = undefined;
        return kick();
      });
      return next;
    }
    running = drain()
      // The database unreachable, for one: the next poll tries again, and leases taken meanwhile run out.
      .catch((error: unknown) => console.error(`[teppan] mail sender: ${String(error)}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const timer = setInterval(() => void kick(), pollMs);
  timer.unref();
  void kick();
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await next;
    },
  };
}

/**
 * `store` telling `kick` when a change queued messages, so they go out at
 * once rather than at the next poll. The store's other methods are its own
 * (through the prototype: a getter such as PostgreSQL's `secret` is not read here).
 */
export function kickingOnQueue(store: Store, kick: () => void): Store {
  const kicking: Pick<Store, 'settlePayment' | 'createLead'> = {
    async settlePayment(...args) {
      const result = await store.settlePayment(...args);
      if (result.outcome === 'paid' && args[4]?.messages) kick();
      return result;
    },
    async createLead(lead, messages) {
      await store.createLead(lead, messages);
      if (messages?.length) kick();
    },
  };
  return Object.assign(Object.create(store) as Store, kicking);
}
