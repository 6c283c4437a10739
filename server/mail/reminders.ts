import type { ManageLinks } from '../domain/manage';
import type { Store } from '../store/types';
import { DEFAULT_REMINDERS, type Tenant } from '../tenants';
import { reminderMessages } from './messages';

const HOUR = 3_600_000;
/** Bookings read at once per reminder: a pass takes a page at a time until none is due. */
const PAGE = 50;

export interface ReminderOptions {
  store: Store;
  tenants: readonly Tenant[];
  /** The business clock (chaos moves it in tests): reminders fall due by it, as holds expire by it. */
  now: () => number;
  links: ManageLinks;
  /** How often it looks for reminders due. */
  pollMs: number;
  /** Told after a pass queued reminders (so the mail sender looks at once). */
  onQueued?: (count: number) => void;
}

export interface ReminderScheduler {
  /** Looks for due reminders now; resolves with how many this pass queued. */
  run(): Promise<number>;
  /** Stops looking; resolves when the pass under way is over. */
  stop(): Promise<void>;
}

/**
 * The windows a tenant's reminders are due in, relative to the event's
 * start: the 48-hour reminder from 48 hours before until the next, shorter
 * one is due (or the event starts). A booking paid inside a window gets that
 * reminder at once; one whose earlier windows passed unseen (the server was
 * down) gets only the latest, never a burst of stale ones.
 */
export function reminderWindows(hours: readonly number[]): { hours: number; untilHours: number }[] {
  const sorted = [...new Set(hours)].sort((a, b) => b - a);
  return sorted.map((h, i) => ({ hours: h, untilHours: sorted[i + 1] ?? 0 }));
}

/**
 * Queues each confirmed booking's reminders when they fall due, in the
 * server process (like the mail sender): every instance runs one, and each
 * reminder is queued once whichever runs it and however often, because the
 * store claims it (booking, reminder, start) in the transaction that queues
 * it. A cancelled booking is never reminded; a moved one is reminded of its
 * new start. The mail sender then delivers it like any message.
 */
export function startReminders({ store, tenants, now, links, pollMs, onQueued }: ReminderOptions): ReminderScheduler {
  let running: Promise<number> | undefined;
  let stopped = false;

  async function remindTenant(tenant: Tenant): Promise<number> {
    let queued = 0;
    for (const { hours, untilHours } of reminderWindows(tenant.reminders ?? DEFAULT_REMINDERS)) {
      for (;;) {
        const at = now();
        const due = await store.dueReminders(tenant.id, hours, at + untilHours * HOUR, at + hours * HOUR, PAGE);
        let claimed = 0;
        for (const booking of due) {
          if (stopped) return queued;
          // The link's token is made before the claim's transaction.
          const messages = reminderMessages(tenant, at, { manageUrl: await links(tenant, booking) })(booking);
          if (await store.claimReminder(tenant.id, booking.id, hours, booking.start, messages, at)) claimed += 1;
        }
        queued += claimed;
        // A full page may have more behind it (those claimed meanwhile are no longer listed); a page none of
        // which could be claimed is left to the next pass rather than read again at once.
        if (due.length < PAGE || claimed === 0 || stopped) break;
      }
    }
    return queued;
  }

  async function pass(): Promise<number> {
    let queued = 0;
    for (const tenant of tenants) {
      try {
        queued += await remindTenant(tenant);
      } catch (error) {
        // The database away a moment: the next pass catches up, and nothing is queued twice.
        console.error(`[teppan] reminders for ${tenant.id}: ${String(error)}`);
      }
    }
    if (queued > 0) onQueued?.(queued);
    return queued;
  }

  function run(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    // One pass at a time in a process: a tick while one runs shares it.
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  const timer = setInterval(() => void run(), pollMs);
  timer.unref();
  void run();
  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
