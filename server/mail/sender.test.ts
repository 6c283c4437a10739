import { afterEach, describe, expect, it } from 'vitest';
import { lead, outboxMessage } from '../../test/support/store-records';
import { createMemoryStore } from '../store/memory';
import type { OutboxMessage } from '../store/types';
import { kickingOnQueue, type Mailer, startMailer } from './sender';

const HOUR = 3_600_000;
const mailers: Mailer[] = [];
afterEach(async () => {
  for (const m of mailers.splice(0)) await m.stop();
});

/** A mailer on a clock the test moves; the poll never fires by itself within a test. */
function setUp(send: (m: OutboxMessage) => Promise<void>) {
  const store = createMemoryStore();
  let now = 1_000_000;
  const mailer = startMailer({ store, send, retry: { firstDelayMs: 60_000, giveUpAfterMs: 24 * HOUR }, pollMs: HOUR, clock: () => now });
  mailers.push(mailer);
  return { store, mailer, advance: (ms: number) => (now += ms), at: () => now };
}

describe('the mail sender', () => {
  it('sends a queued message once and records it sent', async () => {
    const sent: string[] = [];
    const { store, mailer, at } = setUp(async (m) => void sent.push(m.messageId));
    const m = outboxMessage();
    await store.createLead(lead('ld_1'), [m]);
    await mailer.kick();
    await mailer.kick();
    expect(sent).toEqual([m.messageId]);
    expect(await store.getMessage('demo', m.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: at() });
  });

  it('keeps a message the mail server refuses, tries it again as the policy says, and fails it after a day', async () => {
    const { store, mailer, advance } = setUp(async () => {
      throw new Error('451 try again later');
    });
    const m = outboxMessage();
    await store.createLead(lead('ld_1'), [m]);
    await mailer.kick();
    expect(await store.getMessage('demo', m.id)).toMatchObject({ status: 'queued', attempts: 1, lastError: '451 try again later' });
    // Not due again before its minute is up.
    advance(59_000);
    await mailer.kick();
    expect((await store.getMessage('demo', m.id))?.attempts).toBe(1);
    for (let i = 0; i < 40 && (await store.getMessage('demo', m.id))?.status === 'queued'; i++) {
      advance(HOUR * 24);
      await mailer.kick();
    }
    expect(await store.getMessage('demo', m.id)).toMatchObject({ status: 'failed', attempts: 12, lastError: '451 try again later' });
  });

  it('is kicked when a lead queues mail, not when nothing was queued', async () => {
    const sent: string[] = [];
    const { store, mailer } = setUp(async (m) => void sent.push(m.id));
    await mailer.kick();
    let kicks = 0;
    const kicking = kickingOnQueue(store, () => {
      kicks += 1;
    });
    await kicking.createLead(lead('ld_1'));
    await kicking.createLead(lead('ld_2'), [outboxMessage()]);
    expect(kicks).toBe(1);
    // Everything else is the store's own.
    expect((await kicking.listLeads('demo', { limit: 10 })).items).toHaveLength(2);
  });
});
