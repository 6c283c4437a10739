import { randomId } from '../../src/core/ids';
import { isTeamKind } from '../store/outbox';
import type { Lease, MessageAttempt, OutboxMessage, Store } from '../store/types';
import { digestNote, digestOf } from './digest';
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
/** Team notices one digest lists at most; more go in the next. */
const DIGEST_MAX = 50;
/** Why customer mail to an address no paid booking has is never sent. */
export const UNPAID_ADDRESS =
  'Not sent: no booking with a paid deposit has this address, and customer mail goes only to customers who paid (an address typed by someone who paid nothing never receives mail).';

export interface MailerOptions {
  store: Store;
  send: SendMail;
  retry: RetryPolicy;
  /** How often it looks for due messages, besides when told one was queued. */
  pollMs: number;
  /**
   * How long a team notice waits, from when the sender first sees it, for
   * others to the same address to fold into one digest with it (0: none wait;
   * notices due together still fold).
   */
  digestMs?: number;
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
export function startMailer({ store, send, retry, pollMs, digestMs = 0, clock = Date.now }: MailerOptions): Mailer {
  /** The pass under way, and the one to run after it (shared by every kick meanwhile). */
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  let stopped = false;
  /** Wake-ups for notices kept back for a digest: each due then rather than at the next poll. */
  const wakeUps = new Set<ReturnType<typeof setTimeout>>();

  /** The attempt recorded for `message` when sending it failed with `error`: due again, or failed for good. */
  function failure(message: OutboxMessage, error: unknown): MessageAttempt {
    const why = error instanceof Error ? error.message : String(error);
    const attempts = message.attempts + 1;
    const again = retryAt(attempts, clock(), retry);
    console.warn(`[teppan] mail ${message.id} (${message.kind}) not sent, attempt ${attempts}: ${why}${again === undefined ? '; giving up' : ''}`);
    return again === undefined ? { status: 'failed', error: why } : { status: 'queued', error: why, nextAttemptAt: again };
  }

  async function attempt(message: OutboxMessage, token: string) {
    let outcome: MessageAttempt;
    // The last guard on customer mail, whatever queued it: only to an address of a booking whose deposit is paid.
    if (!isTeamKind(message.kind) && !(await store.paidCustomerAddress(message.tenantId, message.to))) {
      console.warn(`[teppan] mail ${message.id} (${message.kind}) not sent: its address is on no paid booking`);
      outcome = { status: 'failed', error: UNPAID_ADDRESS };
    } else {
      try {
        await send(message);
        outcome = { status: 'sent', at: clock() };
      } catch (error) {
        outcome = failure(message, error);
      }
    }
    // Sent but not marked (the database gone meanwhile): the lease runs out and it goes again, with its Message-ID.
    await store.finishMessageAttempt(message.id, token, outcome);
  }

  /**
   * A team notice: kept back `digestMs` the first time it is seen, then sent
   * with every other queued notice to the same address as one digest (or as
   * itself when it is alone). Returns the ids it settled.
   */
  async function teamNotice(message: OutboxMessage, lease: Lease): Promise<string[]> {
    if (digestMs > 0 && message.attempts === 0 && message.nextAttemptAt === 0) {
      await store.finishMessageAttempt(message.id, lease.token, { status: 'deferred', nextAttemptAt: clock() + digestMs });
      const wake = setTimeout(() => {
        wakeUps.delete(wake);
        void kick();
      }, digestMs);
      wake.unref();
      wakeUps.add(wake);
      return [message.id];
    }
    const group = await store.claimTeamGroup(message.tenantId, message.to, clock(), lease, DIGEST_MAX);
    // Older notices filled the digest: this one goes in the next, its lease freed now rather than left to run out.
    if (!group.some((m) => m.id === message.id)) {
      await store.finishMessageAttempt(message.id, lease.token, { status: 'deferred', nextAttemptAt: message.nextAttemptAt });
    }
    if (group.length < 2) {
      for (const m of group) await attempt(m, lease.token);
      return [message.id, ...group.map((m) => m.id)];
    }
    const digest = digestOf(group);
    let sent = false;
    try {
      await send(digest);
      sent = true;
    } catch (error) {
      for (const m of group) await store.finishMessageAttempt(m.id, lease.token, failure(m, error));
    }
    if (sent) {
      const at = clock();
      for (const m of group)
        await store.finishMessageAttempt(m.id, lease.token, { status: 'sent', at, as: digest.messageId, note: digestNote(digest, group.length) });
    }
    return [message.id, ...group.map((m) => m.id)];
  }

  async function drain() {
    while (!stopped) {
      // Room the last pass made (messages sent or given up) goes to messages held past the bound, oldest first.
      await store.releaseHeld();
      const token = randomId();
      const lease = { token, until: clock() + MAIL_LEASE_MS };
      const batch = await store.claimMessages(clock(), lease, BATCH);
      if (batch.length === 0) return;
      const settled = new Set<string>();
      for (const message of batch) {
        if (settled.has(message.id)) continue;
        if (isTeamKind(message.kind)) for (const id of await teamNotice(message, lease)) settled.add(id);
        else await attempt(message, token);
      }
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
      for (const wake of wakeUps) clearTimeout(wake);
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
  const kicking: Pick<Store, 'settlePayment' | 'createLead' | 'rescheduleBooking' | 'cancelBooking'> = {
    async settlePayment(...args) {
      const result = await store.settlePayment(...args);
      if (result.outcome === 'paid' && args[4]?.messages) kick();
      return result;
    },
    async rescheduleBooking(...args) {
      const result = await store.rescheduleBooking(...args);
      if (result.outcome === 'rescheduled' && args[5]?.messages) kick();
      return result;
    },
    async cancelBooking(...args) {
      const result = await store.cancelBooking(...args);
      if (result.outcome === 'cancelled' && args[5]?.messages) kick();
      return result;
    },
    async createLead(lead, messages) {
      await store.createLead(lead, messages);
      if (messages?.length) kick();
    },
  };
  return Object.assign(Object.create(store) as Store, kicking);
}
