import { afterEach, describe, expect, it } from 'vitest';
import { booking, lead, outboxMessage, payment, RULES, T0 } from '../../test/support/store-records';
import { createMemoryStore } from '../store/memory';
import type { OutboxOptions } from '../store/outbox';
import type { OutboxMessage, Store } from '../store/types';
import { kickingOnQueue, type Mailer, startMailer, UNPAID_ADDRESS } from './sender';

const HOUR = 3_600_000;
const mailers: Mailer[] = [];
afterEach(async () => {
  for (const m of mailers.splice(0)) await m.stop();
});

/** A mailer on a clock the test moves; the poll never fires by itself within a test. */
function setUp(send: (m: OutboxMessage) => Promise<void>, { digestMs = 0, ...options }: OutboxOptions & { digestMs?: number } = {}) {
  const store = createMemoryStore(options);
  let now = 1_000_000;
  const mailer = startMailer({ store, send, retry: { firstDelayMs: 60_000, giveUpAfterMs: 24 * HOUR }, pollMs: HOUR, digestMs, clock: () => now });
  mailers.push(mailer);
  return { store, mailer, advance: (ms: number) => (now += ms), at: () => now };
}

/** A booking for `email` whose deposit is paid: customer mail to that address may go. */
async function paidBooking(store: Store, email = 'aiko@example.com') {
  const b = booking({ customer: { name: 'Aiko', email, phone: '2135550142' } });
  await store.holdSeating(b, RULES, T0);
  const p = payment(b);
  await store.startPayment(p, T0);
  await store.settlePayment('demo', p.id, undefined, T0);
  return b;
}

describe('the mail sender', () => {
  it('sends a queued message once and records it sent', async () => {
    const sent: string[] = [];
    const { store, mailer, at } = setUp(async (m) => void sent.push(m.messageId));
    await paidBooking(store);
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
    await paidBooking(store);
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

  it('never sends customer mail to an address whose bookings are unpaid, whatever queued it; the team’s mail goes', async () => {
    const sent: string[] = [];
    const { store, mailer } = setUp(async (m) => void sent.push(m.to));
    // Someone typed a victim's address into a booking and paid nothing.
    const unpaid = booking({ customer: { name: 'Mallory', email: 'victim@example.com', phone: '2135550100' } });
    await store.holdSeating(unpaid, RULES, T0);
    await paidBooking(store, 'payer@example.com');
    const toVictim = outboxMessage({ to: 'victim@example.com' });
    const toPayer = outboxMessage({ to: 'payer@example.com' });
    const toTeam = outboxMessage({ kind: 'team-new-booking', to: 'team@example.com' });
    await store.createLead(lead('ld_1'), [toVictim, toPayer, toTeam]);
    await mailer.kick();
    expect(sent.sort()).toEqual(['payer@example.com', 'team@example.com']);
    expect(await store.getMessage('demo', toVictim.id)).toMatchObject({ status: 'failed', lastError: UNPAID_ADDRESS, attempts: 1 });
  });

  describe('team notices', () => {
    const notice = (i: number, extra: Partial<OutboxMessage> = {}) =>
      outboxMessage({
        kind: 'team-lead',
        to: 'team@example.com',
        subject: `New question from Guest ${i}`,
        text: `Question: <b>${i}</b>?`,
        createdAt: T0 + i,
        ...extra,
      });

    it('fold a burst into one digest listing each (text and escaped HTML), each row marked sent with the digest’s Message-ID', async () => {
      const sent: OutboxMessage[] = [];
      const { store, mailer, advance, at } = setUp(async (m) => void sent.push(m), { digestMs: 5_000 });
      const burst = [0, 1, 2].map((i) => notice(i));
      for (const [i, m] of burst.entries()) await store.createLead(lead(`ld_${i}`), [m]);
      await mailer.kick();
      // Kept back for others to join them.
      expect(sent).toEqual([]);
      advance(2_000);
      await store.createLead(lead('ld_3'), [notice(3)]);
      await mailer.kick();
      expect(sent).toEqual([]);
      advance(3_000);
      await mailer.kick();
      expect(sent).toHaveLength(1);
      const [digest] = sent;
      expect(digest).toMatchObject({ to: 'team@example.com', kind: 'team-digest', subject: '4 notices for the team: New question from Guest 0, and 3 more' });
      expect(digest?.messageId).toMatch(/^<digest-[0-9a-f]{32}@teppan\.test>$/);
      for (const i of [0, 1, 2, 3]) {
        expect(digest?.text).toContain(`${i + 1}. New question from Guest ${i}\n\nQuestion: <b>${i}</b>?`);
        expect(digest?.html).toContain(`Question: &lt;b&gt;${i}&lt;/b&gt;?`);
      }
      expect(digest?.html).not.toContain('<b>');
      expect(digest?.html).toContain('<h2');
      const rows = (await store.listMessages('demo', { limit: 10 })).items;
      expect(rows.map((m) => [m.status, m.attempts, m.sentAs, m.sentAt])).toEqual(Array(4).fill(['sent', 1, digest?.messageId, at()]));
      expect(rows[0]?.note).toBe(`Sent in one digest of 4 team notices, Message-ID ${digest?.messageId}.`);
      await mailer.kick();
      expect(sent).toHaveLength(1);
    });

    it('send a single notice as itself, and keep notices to other addresses or tenants apart', async () => {
      const sent: OutboxMessage[] = [];
      const { store, mailer, advance } = setUp(async (m) => void sent.push(m), { digestMs: 5_000 });
      const alone = notice(0);
      const elsewhere = notice(1, { to: 'owner@example.com' });
      const otherTenant = notice(2, { tenantId: 'other' });
      await store.createLead(lead('ld_1'), [alone, elsewhere]);
      await store.createLead(lead('ld_2', 'other'), [otherTenant]);
      await mailer.kick();
      advance(5_000);
      await mailer.kick();
      expect(sent.map((m) => m.messageId).sort()).toEqual([alone, elsewhere, otherTenant].map((m) => m.messageId).sort());
      expect(await store.getMessage('demo', alone.id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect((await store.getMessage('demo', alone.id))?.sentAs).toBeUndefined();
    });

    it('fold notices due together at once (a backlog after an outage), and retry every one when the digest is refused', async () => {
      let up = false;
      const sent: OutboxMessage[] = [];
      const { store, mailer, advance } = setUp(async (m) => {
        if (!up) throw new Error('ECONNREFUSED');
        sent.push(m);
      });
      const backlog = [0, 1, 2].map((i) => notice(i));
      await store.createLead(lead('ld_1'), backlog);
      await mailer.kick();
      const refused = (await store.listMessages('demo', { limit: 10 })).items;
      expect(refused.map((m) => [m.status, m.attempts, m.lastError])).toEqual(Array(3).fill(['queued', 1, 'ECONNREFUSED']));
      up = true;
      advance(60_000);
      await mailer.kick();
      expect(sent.map((m) => m.kind)).toEqual(['team-digest']);
      expect((await store.listMessages('demo', { limit: 10 })).items.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    });
  });

  it('releases messages held past the bound as the backlog drains, oldest first, and sends them all once', async () => {
    const sent: string[] = [];
    const { store, mailer } = setUp(async (m) => void sent.push(m.id), { outboxBound: 2 });
    await paidBooking(store);
    const made = Array.from({ length: 7 }, (_, i) => outboxMessage({ createdAt: T0 + i }));
    for (const [i, m] of made.entries()) await store.createLead(lead(`ld_${i}`), [m]);
    expect((await store.listMessages('demo', { limit: 10 })).items.filter((m) => m.status === 'held')).toHaveLength(5);
    await mailer.kick();
    expect(sent).toEqual(made.map((m) => m.id));
    expect((await store.listMessages('demo', { limit: 10 })).items.map((m) => m.status)).toEqual(Array(7).fill('sent'));
  });
});
