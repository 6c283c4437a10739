import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { freshSchema } from '../../test/support/pg-schema';
import { booking, CAPACITY_ONLY, lead, MINUTE, message, outboxMessage, payment, quote, RULES, SLOT, T0 } from '../../test/support/store-records';
import { createMemoryStore } from './memory';
import type { OutboxOptions } from './outbox';
import type { Page, PageRequest, Position } from './page';
import { createPostgresStore } from './postgres';
import { createSqliteStore } from './sqlite';
import type { HoldRules, Store, StoredBooking } from './types';

/** A store as the suite opens it: its data is fresh for each test. */
interface OpenedStore {
  store: Store;
  /** A second handle on the same data, as another process has (SQLite file, PostgreSQL); none for a store in one process. */
  another?: () => Promise<Store>;
  dispose(): Promise<void>;
}

/** Stores on one set of data, as processes sharing it have: `dispose` closes every handle opened, then cleans up. */
async function handlesOn(open: () => Promise<Store>, cleanUp: () => Promise<void>): Promise<OpenedStore> {
  const handles = [await open()];
  return {
    store: handles[0] as Store,
    another: async () => {
      const handle = await open();
      handles.push(handle);
      return handle;
    },
    dispose: async () => {
      for (const handle of handles) await handle.close();
      await cleanUp();
    },
  };
}

/** Every store the API can run on. A new store is one more entry here, and passes everything below. */
const STORES: [string, (options?: OutboxOptions) => Promise<OpenedStore>][] = [
  ['memory', async (options) => ({ store: createMemoryStore(options), dispose: async () => {} })],
  [
    'SQLite :memory:',
    async (options) => {
      const store = createSqliteStore(':memory:', options);
      return { store, dispose: () => store.close() };
    },
  ],
  [
    'SQLite file',
    async (options) => {
      const dir = mkdtempSync(join(tmpdir(), 'teppan-store-'));
      return handlesOn(
        async () => createSqliteStore(join(dir, 'db'), options),
        async () => rmSync(dir, { recursive: true, force: true }),
      );
    },
  ],
  [
    // A real cluster, started once for the run (test/support/postgres-setup.ts); each test gets its own schema.
    'PostgreSQL',
    async (options) => {
      const url = inject('postgresUrl');
      const { schema, drop } = freshSchema(url);
      return handlesOn(() => createPostgresStore(url, { schema, ...options }), drop);
    },
  ],
];

const count = <T>(values: T[], value: T) => values.filter((v) => v === value).length;

describe.each(STORES)('store contract (%s)', (_, open) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(() => opened.dispose());

  /** A booking held on `SLOT`, ready to be paid. */
  async function held(extra: Partial<StoredBooking> = {}, now = T0) {
    const b = booking(extra);
    expect(await store.holdSeating(b, CAPACITY_ONLY, now)).toEqual({ outcome: 'created' });
    return b;
  }

  describe('quotes', () => {
    it('keeps a quote for its tenant only', async () => {
      const q = quote();
      await store.saveQuote(q);
      expect(await store.getQuote('demo', q.id)).toEqual(q);
      expect(await store.getQuote('other', q.id)).toBeUndefined();
    });
  });

  describe('holds and capacity', () => {
    it('holds a seating up to its capacity; an unpaid hold that expired frees its team, a confirmed one does not', async () => {
      const first = await held();
      await held({ holdExpiresAt: T0 + 30 * MINUTE });
      await held({ status: 'confirmed' });
      expect(await store.holdSeating(booking(), CAPACITY_ONLY, T0)).toEqual({ outcome: 'full' });
      expect(await store.holdSeating(booking({ slotId: '2027-03-03T20:00' }), CAPACITY_ONLY, T0)).toEqual({ outcome: 'created' });

      const later = first.holdExpiresAt;
      expect(await store.holdSeating(booking({ createdAt: later, holdExpiresAt: later + 15 * MINUTE }), CAPACITY_ONLY, later)).toEqual({ outcome: 'created' });
      expect(await store.holdSeating(booking(), CAPACITY_ONLY, later)).toEqual({ outcome: 'full' });
      expect(await store.getBooking('demo', first.id)).toEqual(first);
      expect(await store.getBooking('other', first.id)).toBeUndefined();
    });

    it('never holds more than capacity when many ask for one seating at once', async () => {
      const asks = Array.from({ length: 40 }, () => booking());
      const outcomes = await Promise.all(asks.map((b) => store.holdSeating(b, CAPACITY_ONLY, T0)));
      expect(
        count(
          outcomes.map((o) => o.outcome),
          'created',
        ),
      ).toBe(3);
      expect(
        count(
          outcomes.map((o) => o.outcome),
          'full',
        ),
      ).toBe(37);
      expect((await store.listBookings('demo', { limit: 100 })).items.filter((b) => b.slotId === SLOT)).toHaveLength(3);
      expect(await store.heldCounts('demo', '2027-03-03', '2027-03-03', T0)).toEqual(new Map([[SLOT, 3]]));
    });

    it('never holds more than capacity when processes sharing the data ask at once', async ({ skip }) => {
      if (!opened.another) return skip();
      const handles = [store, await opened.another(), await opened.another()];
      const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => handles[i % handles.length]?.holdSeating(booking(), CAPACITY_ONLY, T0)));
      expect(
        count(
          outcomes.map((o) => o?.outcome),
          'created',
        ),
      ).toBe(3);
      // What one made, another reads, under the same secret.
      for (const handle of handles) {
        expect(await handle.heldCounts('demo', '2027-03-03', '2027-03-03', T0)).toEqual(new Map([[SLOT, 3]]));
        expect(handle.secret).toBe(store.secret);
      }
    });

    it('gives a quote one live booking, and a few holds in all', async () => {
      const quoteId = 'qt_party';
      const first = await held({ quoteId });
      expect(await store.holdSeating(booking({ quoteId, slotId: '2027-03-03T20:00' }), CAPACITY_ONLY, T0)).toEqual({ outcome: 'quote-booked', booking: first });
      let t = first.holdExpiresAt;
      for (let renewal = 1; renewal < RULES.holdsPerQuote; renewal++) {
        const again = booking({ quoteId, createdAt: t, holdExpiresAt: t + 15 * MINUTE });
        expect(await store.holdSeating(again, CAPACITY_ONLY, t)).toEqual({ outcome: 'created' });
        t = again.holdExpiresAt;
      }
      expect(await store.holdSeating(booking({ quoteId, createdAt: t, holdExpiresAt: t + 15 * MINUTE }), CAPACITY_ONLY, t)).toEqual({ outcome: 'quote-spent' });
    });

    it('gives a quote one live booking when it asks for several seatings on several dates at once', async () => {
      const asks = ['2027-03-03T18:00', '2027-03-04T18:00', '2027-03-05T18:00', '2027-03-06T18:00'].flatMap((slotId) =>
        Array.from({ length: 3 }, () => booking({ quoteId: 'qt_race', slotId })),
      );
      // Warmed up first: a store on a network opens its connections now, so the asks below do run side by side.
      await Promise.all(asks.map(() => store.getQuote('demo', 'qt_none')));
      const outcomes = (await Promise.all(asks.map((b) => store.holdSeating(b, CAPACITY_ONLY, T0)))).map((o) => o.outcome);
      expect(count(outcomes, 'created')).toBe(1);
      expect(count(outcomes, 'quote-booked')).toBe(asks.length - 1);
    });

    it('lets one visitor hold only a share of a date, and not renew unpaid holds forever', async () => {
      const holder = 'visitor-hash';
      const rules: HoldRules = { ...RULES, capacity: 10 };
      for (const slotId of ['2027-03-03T16:00', '2027-03-03T18:00'])
        expect(await store.holdSeating(booking({ holder, slotId }), rules, T0)).toEqual({ outcome: 'created' });
      expect(await store.holdSeating(booking({ holder, slotId: '2027-03-03T20:00' }), rules, T0)).toEqual({ outcome: 'visitor-limit' });
      // Another date, and another visitor, are not limited by these.
      expect(await store.holdSeating(booking({ holder, slotId: '2027-03-04T18:00' }), rules, T0)).toEqual({ outcome: 'created' });
      expect(await store.holdSeating(booking({ holder: 'someone-else' }), rules, T0)).toEqual({ outcome: 'created' });

      const t = T0 + 15 * MINUTE;
      for (const slotId of ['2027-03-03T16:00', '2027-03-03T18:00']) {
        expect(await store.holdSeating(booking({ holder, slotId, createdAt: t, holdExpiresAt: t + 15 * MINUTE }), rules, t)).toEqual({ outcome: 'created' });
      }
      const u = t + 15 * MINUTE;
      expect(await store.holdSeating(booking({ holder, createdAt: u, holdExpiresAt: u + 15 * MINUTE }), rules, u)).toEqual({ outcome: 'visitor-renewals' });
    });

    it('counts held seatings per slot over a range of dates, for its tenant only', async () => {
      await held();
      await held({ slotId: '2027-03-05T20:00' });
      await held({ slotId: '2027-03-06T18:00' });
      await held({ tenantId: 'other' });
      await held({ holdExpiresAt: T0 });
      expect(await store.heldCounts('demo', '2027-03-03', '2027-03-05', T0)).toEqual(
        new Map([
          [SLOT, 1],
          ['2027-03-05T20:00', 1],
        ]),
      );
    });
  });

  describe('payments and settle', () => {
    it('starts a payment only for a booking still held unpaid', async () => {
      const b = await held();
      const p = payment(b);
      expect(await store.startPayment(p, T0)).toEqual({ outcome: 'created' });
      expect(await store.getPayment('demo', p.id)).toEqual(p);
      expect(await store.getPayment('other', p.id)).toBeUndefined();
      expect(await store.startPayment(payment(b), b.holdExpiresAt)).toEqual({ outcome: 'not-payable', booking: b });
      const unknown = booking();
      expect(await store.startPayment(payment(unknown), T0)).toEqual({ outcome: 'not-payable', booking: undefined });

      await store.settlePayment('demo', p.id, undefined, T0);
      const late = payment(b);
      expect(await store.startPayment(late, T0)).toMatchObject({ outcome: 'not-payable', booking: { status: 'confirmed', paymentId: p.id } });
      expect((await store.paymentsOfBookings('demo', [b.id, unknown.id])).map((x) => x.id)).toEqual([p.id]);
    });

    it('settles a payment once: it pays its booking, a repeat changes nothing, another payment is refused', async () => {
      const b = await held();
      const [p, q] = [payment(b), payment(b)];
      await store.startPayment(p, T0);
      await store.startPayment(q, T0);
      const card = { brand: 'visa', last4: '4242' } as const;
      const paid = await store.settlePayment('demo', p.id, card, T0 + MINUTE);
      expect(paid).toEqual({
        outcome: 'paid',
        payment: { ...p, status: 'succeeded', card, updatedAt: T0 + MINUTE },
        booking: { ...b, status: 'confirmed', paymentId: p.id, paidAt: T0 + MINUTE },
      });
      expect(await store.settlePayment('demo', p.id, card, T0 + 2 * MINUTE)).toMatchObject({ outcome: 'already-settled', payment: { id: p.id } });
      expect(await store.settlePayment('demo', q.id, card, T0 + 2 * MINUTE)).toMatchObject({ outcome: 'paid-by-another' });
      expect(await store.getBooking('demo', b.id)).toMatchObject({ status: 'confirmed', paymentId: p.id });
      expect(await store.getPayment('demo', q.id)).toEqual(q);
      expect(await store.settlePayment('demo', 'pay_none', card, T0)).toEqual({ outcome: 'not-payable', reason: 'no-payment' });
    });

    it('lets exactly one of many payments settled at once pay the booking', async () => {
      const b = await held();
      const payments = Array.from({ length: 12 }, () => payment(b));
      for (const p of payments) await store.startPayment(p, T0);
      const results = await Promise.all(payments.map((p) => store.settlePayment('demo', p.id, undefined, T0)));
      expect(
        count(
          results.map((r) => r.outcome),
          'paid',
        ),
      ).toBe(1);
      expect(
        count(
          results.map((r) => r.outcome),
          'paid-by-another',
        ),
      ).toBe(11);
      expect((await store.paymentsOfBookings('demo', [b.id])).filter((p) => p.status === 'succeeded')).toHaveLength(1);
    });

    it('refuses an expired hold, unless the money already moved and its seating still has a free team', async () => {
      const b = await held();
      const p = payment(b);
      await store.startPayment(p, T0);
      const after = b.holdExpiresAt;
      expect(await store.settlePayment('demo', p.id, undefined, after)).toMatchObject({ outcome: 'hold-expired', booking: { id: b.id } });
      for (let i = 0; i < 3; i++) await held({ createdAt: after, holdExpiresAt: after + 15 * MINUTE }, after);
      expect(await store.settlePayment('demo', p.id, undefined, after, { late: { capacity: 3 } })).toMatchObject({ outcome: 'hold-expired' });
      expect(await store.settlePayment('demo', p.id, undefined, after, { late: { capacity: 4 } })).toMatchObject({ outcome: 'paid' });
    });

    it('moves a payment only from the status its caller checked', async () => {
      const b = await held();
      const p = payment(b);
      await store.startPayment(p, T0);
      expect(await store.settlePayment('demo', p.id, undefined, T0, { from: 'requires_action' })).toEqual({ outcome: 'moved', payment: p });
      expect(await store.updateUnfinishedPayment('demo', p.id, { status: 'failed' }, T0, 'requires_action')).toBeUndefined();
      const acting = await store.updateUnfinishedPayment('demo', p.id, { status: 'requires_action' }, T0 + 1, 'requires_confirmation');
      expect(acting).toEqual({ ...p, status: 'requires_action', updatedAt: T0 + 1 });
      // Two requests that checked the same status: one moves it, the other hears it moved.
      const both = await Promise.all([
        store.updateUnfinishedPayment('demo', p.id, { status: 'failed', declineCode: 'authentication_failed' }, T0 + 2, 'requires_action'),
        store.settlePayment('demo', p.id, undefined, T0 + 2, { from: 'requires_action' }),
      ]);
      expect(both[0]).toMatchObject({ status: 'failed' });
      expect(both[1]).toMatchObject({ outcome: 'moved', payment: { status: 'failed' } });
    });

    it('leaves a finished payment alone, and marks only a failed one refunded', async () => {
      const b = await held();
      const [ok, bad] = [payment(b, { provider: 'stripe', providerRef: 'pi_ok' }), payment(b, { provider: 'stripe', providerRef: 'pi_bad' })];
      await store.startPayment(ok, T0);
      await store.startPayment(bad, T0);
      expect(await store.paymentByProviderRef('stripe', 'pi_bad')).toEqual(bad);
      expect(await store.paymentByProviderRef('test', 'pi_bad')).toBeUndefined();
      await store.updateUnfinishedPayment('demo', bad.id, { status: 'failed', declineCode: 'card_declined' }, T0 + 1);
      await store.settlePayment('demo', ok.id, undefined, T0 + 1);
      expect(await store.updateUnfinishedPayment('demo', bad.id, { status: 'processing' }, T0 + 2)).toMatchObject({
        status: 'failed',
        declineCode: 'card_declined',
      });
      expect(await store.updateUnfinishedPayment('demo', ok.id, { status: 'failed' }, T0 + 2)).toMatchObject({ status: 'succeeded' });
      expect(await store.markPaymentRefunded('demo', ok.id, T0 + 3)).not.toHaveProperty('refunded');
      expect(await store.markPaymentRefunded('demo', bad.id, T0 + 3)).toMatchObject({ status: 'failed', refunded: true, updatedAt: T0 + 3 });
      expect(await store.markPaymentRefunded('other', bad.id, T0 + 3)).toBeUndefined();
    });
  });

  describe('idempotency claims', () => {
    /** A request's lease: its own token, for five minutes from `at`. */
    const lease = (token: string, at = T0) => ({ token, until: at + 5 * MINUTE });

    it('claims a key once: a repeat is in flight, another body a mismatch, a finished one replays', async () => {
      const begin = (print: string, now = T0) => store.beginIdempotent('demo /bookings', 'key-1', print, now, lease(`t-${print}`, now));
      expect(await begin('a')).toEqual({ state: 'started' });
      expect(await begin('a')).toEqual({ state: 'in_flight' });
      expect(await begin('b')).toEqual({ state: 'mismatch' });
      expect(await store.beginIdempotent('demo /leads', 'key-1', 'b', T0, lease('t-other'))).toEqual({ state: 'started' });
      expect(await store.finishIdempotent('demo /bookings', 'key-1', 't-a', { status: 201, body: '{"id":"bk_1"}', location: '/api/v1/bookings/bk_1' })).toBe(
        true,
      );
      expect(await begin('a', T0 + 60 * MINUTE)).toEqual({ state: 'replay', status: 201, body: '{"id":"bk_1"}', location: '/api/v1/bookings/bk_1' });
    });

    it('frees a released key, and takes over a claim whose lease ran out', async () => {
      expect(await store.beginIdempotent('s', 'key-2', 'a', T0, lease('first'))).toEqual({ state: 'started' });
      expect(await store.releaseIdempotent('s', 'key-2', 'first')).toBe(true);
      expect(await store.beginIdempotent('s', 'key-2', 'b', T0, lease('second'))).toEqual({ state: 'started' });
      expect(await store.beginIdempotent('s', 'key-2', 'b', T0 + 5 * MINUTE - 1, lease('third', T0 + 5 * MINUTE - 1))).toEqual({ state: 'in_flight' });
      expect(await store.beginIdempotent('s', 'key-2', 'b', T0 + 5 * MINUTE, lease('third', T0 + 5 * MINUTE))).toEqual({ state: 'started', inherited: true });
    });

    it('never takes over a claim whose request keeps renewing its lease', async () => {
      expect(await store.beginIdempotent('s', 'key-4', 'a', T0, { token: 'alive', until: T0 + MINUTE })).toEqual({ state: 'started' });
      for (let beat = 1; beat <= 5; beat++) {
        expect(await store.renewIdempotent('s', 'key-4', { token: 'alive', until: T0 + (beat + 1) * MINUTE })).toBe(true);
        expect(await store.beginIdempotent('s', 'key-4', 'a', T0 + beat * MINUTE + 1, lease('retry', T0 + beat * MINUTE + 1))).toEqual({ state: 'in_flight' });
      }
      expect(await store.finishIdempotent('s', 'key-4', 'alive', { status: 201, body: '{}' })).toBe(true);
    });

    it('lets a request whose claim was taken over renew, finish or release nothing', async () => {
      await store.beginIdempotent('s', 'key-5', 'a', T0, { token: 'dead', until: T0 + MINUTE });
      expect(await store.beginIdempotent('s', 'key-5', 'a', T0 + MINUTE, lease('heir', T0 + MINUTE))).toEqual({ state: 'started', inherited: true });
      expect(await store.renewIdempotent('s', 'key-5', { token: 'dead', until: T0 + 10 * MINUTE })).toBe(false);
      expect(await store.finishIdempotent('s', 'key-5', 'dead', { status: 201, body: '{"id":"from the dead"}' })).toBe(false);
      expect(await store.releaseIdempotent('s', 'key-5', 'dead')).toBe(false);
      // The heir's claim stands, unrenewed by the dead: in flight until its own lease ends.
      expect(await store.beginIdempotent('s', 'key-5', 'a', T0 + 6 * MINUTE - 1, lease('third', T0 + 6 * MINUTE - 1))).toEqual({ state: 'in_flight' });
      expect(await store.finishIdempotent('s', 'key-5', 'heir', { status: 201, body: '{"id":"bk_heir"}' })).toBe(true);
      expect(await store.beginIdempotent('s', 'key-5', 'a', T0 + 7 * MINUTE, lease('later', T0 + 7 * MINUTE))).toMatchObject({
        state: 'replay',
        body: '{"id":"bk_heir"}',
      });
      // A finished claim is nobody's to finish again or release.
      expect(await store.finishIdempotent('s', 'key-5', 'heir', { status: 201, body: '{}' })).toBe(false);
      expect(await store.releaseIdempotent('s', 'key-5', 'heir')).toBe(false);
    });

    it('lets exactly one of many requests with one key at once run', async () => {
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => store.beginIdempotent('s', 'key-3', 'a', T0, lease(`t${i}`))));
      expect(claims.map((c) => c.state).sort()).toEqual(['started', ...Array(19).fill('in_flight')].sort());
    });
  });

  describe('chat and leads', () => {
    it('starts a conversation with its first message and keeps messages oldest first, each id once', async () => {
      expect(await store.getConversation('demo', 'cv_1')).toBeUndefined();
      expect(await store.addChatMessage('demo', 'cv_1', message('m1', 'hi'), 1000)).toBe('added');
      const reply = message('m2', 'hello', { role: 'assistant', replyTo: 'm1', confident: true, actions: [{ type: 'quote', label: 'Get a quote' }] });
      expect(await store.addChatMessage('demo', 'cv_1', reply, 2000)).toBe('added');
      expect(await store.addChatMessage('demo', 'cv_1', message('m1', 'hi again'), 3000)).toBe('exists');
      expect(await store.getConversation('demo', 'cv_1')).toEqual({ id: 'cv_1', tenantId: 'demo', createdAt: 1000, messages: [message('m1', 'hi'), reply] });
    });

    it('stores a message sent many times at once exactly once', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.addChatMessage('demo', 'cv_1', message('m1', `hi ${i}`), 1000)));
      expect(count(results, 'added')).toBe(1);
      expect((await store.getConversation('demo', 'cv_1'))?.messages).toHaveLength(1);
    });

    it('keeps a conversation to its tenant: another cannot read it or add to it', async () => {
      await store.addChatMessage('demo', 'cv_1', message('m1', 'hi'), 1000);
      expect(await store.getConversation('other', 'cv_1')).toBeUndefined();
      expect(await store.listConversations('other', { limit: 100 })).toEqual({ items: [], next: null });
      await expect(store.addChatMessage('other', 'cv_1', message('m2', 'hi'), 1000)).rejects.toThrow(/another tenant/);
      expect((await store.getConversation('demo', 'cv_1'))?.messages).toHaveLength(1);
    });

    it('lists conversations and leads oldest first, per tenant', async () => {
      await store.addChatMessage('demo', 'cv_b', message('m1', 'first'), 1000);
      await store.addChatMessage('demo', 'cv_a', message('m1', 'second'), 2000);
      await store.addChatMessage('demo', 'cv_b', message('m2', 'third'), 3000);
      expect((await store.listConversations('demo', { limit: 100 })).items.map((c) => [c.id, c.messages.map((m) => m.text)])).toEqual([
        ['cv_b', ['first', 'third']],
        ['cv_a', ['second']],
      ]);
      await store.createLead(lead('ld_2'));
      await store.createLead(lead('ld_1'));
      await store.createLead(lead('ld_3', 'other'));
      expect((await store.listLeads('demo', { limit: 100 })).items).toEqual([lead('ld_2'), lead('ld_1')]);
    });
  });

  describe('lists, a page at a time', () => {
    /** Every row of a list, walked page by page as the admin API does; `between` runs after each page but the last. */
    async function walk<T>(list: (page: PageRequest) => Promise<Page<T>>, limit: number, between?: (pageNumber: number) => Promise<void>) {
      const pages: T[][] = [];
      let after: Position | undefined;
      do {
        const page = await list({ limit, ...(after ? { after } : {}) });
        pages.push(page.items);
        after = page.next ?? undefined;
        if (after) await between?.(pages.length);
      } while (after);
      return pages;
    }

    it('walks bookings oldest first (createdAt, then id), each exactly once, the last page saying it is the last', async () => {
      // Several share a createdAt: the id orders them, and a page boundary falls among them.
      const made = [3, 1, 2, 2, 2, 0, 5].map((minute) => booking({ createdAt: T0 + minute * MINUTE, slotId: `2027-03-0${minute + 1}T18:00` }));
      for (const b of made) expect(await store.holdSeating(b, CAPACITY_ONLY, T0)).toEqual({ outcome: 'created' });
      const order = [...made].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1)).map((b) => b.id);

      const pages = await walk((page) => store.listBookings('demo', page), 3);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat().map((b) => b.id)).toEqual(order);
      // A list that fills its last page exactly has no empty page after it.
      expect((await walk((page) => store.listBookings('demo', page), 7)).map((p) => p.length)).toEqual([7]);
      expect(await store.listBookings('other', { limit: 3 })).toEqual({ items: [], next: null });
    });

    it('neither repeats nor skips an older row when rows are added between pages, and keeps tenants apart', async () => {
      for (let i = 0; i < 5; i++) {
        await store.createLead(lead(`ld_${i}`));
        await store.createLead(lead(`ld_x${i}`, 'other'));
        await store.addChatMessage('demo', `cv_${i}`, message('m1', `hi ${i}`), T0 + i);
        await store.addChatMessage('other', `cv_x${i}`, message('m1', 'other'), T0 + i);
        expect(await store.holdSeating(booking({ createdAt: T0 + i, slotId: `2027-03-0${i + 1}T18:00` }), CAPACITY_ONLY, T0)).toEqual({ outcome: 'created' });
      }
      let added = 0;
      const addMore = async () => {
        added++;
        await store.createLead(lead(`ld_new${added}`));
        await store.addChatMessage('demo', `cv_new${added}`, message('m1', 'new'), T0 + 100 + added);
        // A message added to a conversation already listed does not move it.
        await store.addChatMessage('demo', 'cv_0', message(`m${added + 1}`, 'again'), T0 + 100 + added);
        await store.holdSeating(booking({ createdAt: T0 + 100 + added, slotId: `2027-03-1${added}T18:00` }), CAPACITY_ONLY, T0);
      };
      const leads = (await walk((page) => store.listLeads('demo', page), 2, addMore)).flat();
      expect(leads.map((l) => l.id).slice(0, 5)).toEqual(['ld_0', 'ld_1', 'ld_2', 'ld_3', 'ld_4']);
      expect(new Set(leads.map((l) => l.id)).size).toBe(leads.length);
      expect(leads.every((l) => l.tenantId === 'demo')).toBe(true);

      const conversations = (await walk((page) => store.listConversations('demo', page), 2, addMore)).flat();
      expect(conversations.map((c) => c.id).slice(0, 5)).toEqual(['cv_0', 'cv_1', 'cv_2', 'cv_3', 'cv_4']);
      expect(new Set(conversations.map((c) => c.id)).size).toBe(conversations.length);
      expect(conversations.every((c) => c.tenantId === 'demo' && c.messages[0]?.text !== 'other')).toBe(true);
      expect(conversations.find((c) => c.id === 'cv_1')?.messages.map((m) => m.text)).toEqual(['hi 1']);

      const bookings = (await walk((page) => store.listBookings('demo', page), 2, addMore)).flat();
      expect(bookings.slice(0, 5).map((b) => b.createdAt)).toEqual([0, 1, 2, 3, 4].map((i) => T0 + i));
      expect(new Set(bookings.map((b) => b.id)).size).toBe(bookings.length);
      expect(bookings.every((b) => b.tenantId === 'demo')).toBe(true);
      // What was added while walking comes after, in order.
      expect(bookings.map((b) => b.createdAt)).toEqual(bookings.map((b) => b.createdAt).sort((x, y) => x - y));

      // Another tenant's walk, even from a position in demo's list, reads only its own rows.
      const first = await store.listLeads('demo', { limit: 1 });
      expect((await store.listLeads('other', { limit: 100, ...(first.next ? { after: first.next } : {}) })).items.every((l) => l.tenantId === 'other')).toBe(
        true,
      );
    });

    it('reads the payments of the bookings asked for, and only its tenant’s', async () => {
      const [a, b] = [await held(), await held()];
      const pa = payment(a);
      const pb = payment(b);
      await store.startPayment(pa, T0);
      await store.startPayment(pb, T0);
      expect((await store.paymentsOfBookings('demo', [a.id])).map((p) => p.id)).toEqual([pa.id]);
      expect(await store.paymentsOfBookings('other', [a.id, b.id])).toEqual([]);
      expect(await store.paymentsOfBookings('demo', [])).toEqual([]);
    });
  });

  describe('webhook events', () => {
    it('remembers a handled event per provider; recording it again is harmless', async () => {
      expect(await store.webhookEventSeen('stripe', 'evt_1')).toBe(false);
      await store.recordWebhookEvent('stripe', 'evt_1', T0);
      await store.recordWebhookEvent('stripe', 'evt_1', T0 + 1);
      await Promise.all([store.recordWebhookEvent('stripe', 'evt_2', T0), store.recordWebhookEvent('stripe', 'evt_2', T0)]);
      expect(await store.webhookEventSeen('stripe', 'evt_1')).toBe(true);
      expect(await store.webhookEventSeen('stripe', 'evt_2')).toBe(true);
      expect(await store.webhookEventSeen('test', 'evt_1')).toBe(false);
    });
  });

  describe('processes sharing the data', () => {
    it('let exactly one of them settle a booking, claim a key and store a message, when all try at once', async ({ skip }) => {
      if (!opened.another) return skip();
      const handles = [store, await opened.another(), await opened.another()];
      const on = (i: number) => handles[i % handles.length] as Store;
      const b = await held();
      const payments = Array.from({ length: 9 }, () => payment(b));
      for (const p of payments) await store.startPayment(p, T0);
      const [settled, claims, messages] = await Promise.all([
        Promise.all(payments.map((p, i) => on(i).settlePayment('demo', p.id, undefined, T0))),
        Promise.all(payments.map((_, i) => on(i).beginIdempotent('s', 'key-shared', 'a', T0, { token: `t${i}`, until: T0 + 5 * MINUTE }))),
        Promise.all(payments.map((_, i) => on(i).addChatMessage('demo', 'cv_shared', message('m1', `hi ${i}`), 1000))),
      ]);
      expect(settled.filter((r) => r.outcome === 'paid')).toHaveLength(1);
      expect(claims.filter((c) => c.state === 'started')).toHaveLength(1);
      expect(count(messages, 'added')).toBe(1);
      for (const handle of handles) {
        expect(await handle.getBooking('demo', b.id)).toMatchObject({ status: 'confirmed' });
        expect((await handle.getConversation('demo', 'cv_shared'))?.messages).toHaveLength(1);
      }
    });
  });

  describe('sweep', () => {
    it('deletes quotes past their grace and idempotency records past their lifetime, and nothing else', async () => {
      const rules = { idempotencyTtlMs: 60 * MINUTE, expiredQuoteTtlMs: 10 * MINUTE };
      const old = quote({ expiresAt: new Date(T0).toISOString() });
      const fresh = quote({ expiresAt: new Date(T0 + 120 * MINUTE).toISOString() });
      await store.saveQuote(old);
      await store.saveQuote(fresh);
      await store.beginIdempotent('s', 'old', 'a', T0, { token: 'old', until: T0 + 5 * MINUTE });
      await store.beginIdempotent('s', 'new', 'a', T0 + 30 * MINUTE, { token: 'new', until: T0 + 35 * MINUTE });
      const b = await held();

      expect(await store.sweep(T0 + 10 * MINUTE - 1, rules)).toEqual({ quotes: 0, idempotency: 0 });
      expect(await store.sweep(T0 + 60 * MINUTE, rules)).toEqual({ quotes: 1, idempotency: 1 });
      expect(await store.getQuote('demo', old.id)).toBeUndefined();
      expect(await store.getQuote('demo', fresh.id)).toEqual(fresh);
      expect(await store.beginIdempotent('s', 'old', 'b', T0 + 60 * MINUTE, { token: 'b', until: T0 + 65 * MINUTE })).toEqual({ state: 'started' });
      expect(await store.beginIdempotent('s', 'new', 'b', T0 + 60 * MINUTE, { token: 'b', until: T0 + 65 * MINUTE })).toEqual({ state: 'mismatch' });
      expect(await store.getBooking('demo', b.id)).toEqual(b);
    });
  });

  describe('outbox', () => {
    const lease = (token: string, until = T0 + MINUTE) => ({ token, until });
    const queuedFor = (paid: { booking: StoredBooking }) => [outboxMessage({ kind: 'booking-confirmed', subject: `Booked ${paid.booking.id}` })];

    it('queues a settle’s messages with the payment that paid, and none for a settle that did not pay', async () => {
      const b = await held();
      const [p, q] = [payment(b), payment(b)];
      await store.startPayment(p, T0);
      await store.startPayment(q, T0);
      expect(await store.settlePayment('demo', p.id, undefined, T0, { messages: queuedFor })).toMatchObject({ outcome: 'paid' });
      // A repeat, and another payment of the booking: neither pays, neither queues.
      await store.settlePayment('demo', p.id, undefined, T0, { messages: queuedFor });
      await store.settlePayment('demo', q.id, undefined, T0, { messages: queuedFor });
      const { items } = await store.listMessages('demo', { limit: 100 });
      expect(items.map((m) => [m.subject, m.status, m.attempts])).toEqual([[`Booked ${b.id}`, 'queued', 0]]);
      expect(await store.getMessage('demo', items[0]?.id ?? '')).toEqual(items[0]);
      expect(await store.getMessage('other', items[0]?.id ?? '')).toBeUndefined();
    });

    it('writes nothing of a settle whose messages could not be made: no confirmation without its message', async () => {
      const b = await held();
      const p = payment(b);
      await store.startPayment(p, T0);
      const broken = () => {
        throw new Error('no template');
      };
      await expect(store.settlePayment('demo', p.id, undefined, T0, { messages: broken })).rejects.toThrow('no template');
      expect(await store.getBooking('demo', b.id)).toMatchObject({ status: 'pending_deposit' });
      expect(await store.getPayment('demo', p.id)).toMatchObject({ status: 'requires_confirmation' });
      expect((await store.listMessages('demo', { limit: 100 })).items).toEqual([]);
    });

    it('queues a lead’s notice with the lead, and keeps a message as written', async () => {
      const m = outboxMessage({ kind: 'team-lead', to: 'team@example.com', text: 'Aiko asks: <script>?', html: '<p>&lt;script&gt;</p>' });
      await store.createLead(lead('ld_1'), [m]);
      expect((await store.listLeads('demo', { limit: 10 })).items).toHaveLength(1);
      expect((await store.listMessages('demo', { limit: 10 })).items).toEqual([m]);
    });

    it('leases a due message to one sender; a lease that ran out is taken over, and only the holder marks it', async () => {
      const due = outboxMessage({ nextAttemptAt: T0 });
      const later = outboxMessage({ nextAttemptAt: T0 + 10 * MINUTE });
      await store.createLead(lead('ld_1'), [due, later]);
      expect((await store.claimMessages(T0, lease('a'), 10)).map((m) => [m.id, m.lease])).toEqual([[due.id, lease('a')]]);
      expect(await store.claimMessages(T0 + 1, lease('b'), 10)).toEqual([]);
      // Sender a died: its lease runs out, and b takes the message over.
      expect((await store.claimMessages(T0 + MINUTE, lease('b', T0 + 2 * MINUTE), 10)).map((m) => m.id)).toEqual([due.id]);
      expect(await store.finishMessageAttempt(due.id, 'a', { status: 'sent', at: T0 + MINUTE })).toBe(false);
      expect(await store.finishMessageAttempt(due.id, 'b', { status: 'sent', at: T0 + MINUTE })).toBe(true);
      expect(await store.finishMessageAttempt(due.id, 'b', { status: 'sent', at: T0 + MINUTE })).toBe(false);
      expect(await store.getMessage('demo', due.id)).toEqual({ ...due, status: 'sent', attempts: 1, sentAt: T0 + MINUTE });
      expect(await store.claimMessages(T0 + 5 * MINUTE, lease('c', T0 + 6 * MINUTE), 10)).toEqual([]);
      expect((await store.claimMessages(T0 + 10 * MINUTE, lease('c', T0 + 11 * MINUTE), 10)).map((m) => m.id)).toEqual([later.id]);
    });

    it('records a failed attempt: due again later with its error, or failed for good', async () => {
      const m = outboxMessage();
      await store.createLead(lead('ld_1'), [m]);
      await store.claimMessages(T0, lease('a'), 10);
      expect(await store.finishMessageAttempt(m.id, 'a', { status: 'queued', error: 'ECONNREFUSED', nextAttemptAt: T0 + 2 * MINUTE })).toBe(true);
      expect(await store.getMessage('demo', m.id)).toEqual({ ...m, attempts: 1, lastError: 'ECONNREFUSED', nextAttemptAt: T0 + 2 * MINUTE });
      expect(await store.claimMessages(T0 + MINUTE, lease('b', T0 + 3 * MINUTE), 10)).toEqual([]);
      expect(await store.claimMessages(T0 + 2 * MINUTE, lease('b', T0 + 3 * MINUTE), 10)).toHaveLength(1);
      expect(await store.finishMessageAttempt(m.id, 'b', { status: 'failed', error: '550 mailbox unavailable' })).toBe(true);
      expect(await store.getMessage('demo', m.id)).toMatchObject({ status: 'failed', attempts: 2, lastError: '550 mailbox unavailable' });
      expect(await store.claimMessages(T0 + 60 * MINUTE, lease('c', T0 + 61 * MINUTE), 10)).toEqual([]);
    });

    it('gives each message to exactly one of many senders claiming at once, across processes sharing the data', async () => {
      const handles = opened.another ? [store, await opened.another(), await opened.another()] : [store];
      const messages = Array.from({ length: 30 }, (_, i) => outboxMessage({ nextAttemptAt: T0 - i }));
      await store.createLead(lead('ld_1'), messages);
      const claimed = await Promise.all(Array.from({ length: 12 }, (_, i) => (handles[i % handles.length] as Store).claimMessages(T0, lease(`s${i}`), 4)));
      const ids = claimed.flat().map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(messages.map((m) => m.id).sort());
    });

    it('lists messages oldest first, a page at a time, per tenant', async () => {
      const made = [2, 0, 1, 1, 3].map((minute) => outboxMessage({ createdAt: T0 + minute * MINUTE }));
      await store.createLead(lead('ld_1'), made);
      await store.createLead(lead('ld_2', 'other'), [outboxMessage({ tenantId: 'other' })]);
      const seen: string[] = [];
      let after: Position | undefined;
      do {
        const page = await store.listMessages('demo', { limit: 2, ...(after ? { after } : {}) });
        seen.push(...page.items.map((m) => m.id));
        after = page.next ?? undefined;
      } while (after);
      const order = [...made].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1)).map((m) => m.id);
      expect(seen).toEqual(order);
    });

    it('keeps back a message it defers, without counting an attempt', async () => {
      const m = outboxMessage({ kind: 'team-lead' });
      await store.createLead(lead('ld_1'), [m]);
      await store.claimMessages(T0, lease('a'), 10);
      expect(await store.finishMessageAttempt(m.id, 'a', { status: 'deferred', nextAttemptAt: T0 + 5_000 })).toBe(true);
      expect(await store.getMessage('demo', m.id)).toEqual({ ...m, nextAttemptAt: T0 + 5_000 });
      expect(await store.claimMessages(T0 + 4_999, lease('b'), 10)).toEqual([]);
      expect(await store.claimMessages(T0 + 5_000, lease('b'), 10)).toHaveLength(1);
    });

    it('leases a tenant’s queued team notices to one address as one group, due or not, the caller’s own included', async () => {
      const to = 'team@example.com';
      const notice = (extra: Parameters<typeof outboxMessage>[0] = {}) => outboxMessage({ kind: 'team-lead', to, ...extra });
      const [first, later, another] = [notice({ createdAt: T0 }), notice({ createdAt: T0 + 1, nextAttemptAt: T0 + MINUTE }), notice({ createdAt: T0 + 2 })];
      const others = [
        outboxMessage({ kind: 'booking-confirmed', to }),
        notice({ to: 'someone@example.com' }),
        notice({ tenantId: 'other' }),
        notice({ status: 'sent', sentAt: T0 }),
      ];
      await store.createLead(lead('ld_1'), [first, later, another, ...others]);
      const [claimed] = await store.claimMessages(T0, lease('a'), 1);
      expect(claimed?.id).toBe(first.id);
      // Another sender holds one of them: it is left to that sender.
      await store.claimMessages(T0, lease('b'), 1);
      const group = await store.claimTeamGroup('demo', to, T0, lease('a'), 10);
      expect(group.map((m) => m.id)).toEqual([first.id, later.id]);
      expect(group.every((m) => m.lease?.token === 'a')).toBe(true);
      expect(await store.claimTeamGroup('demo', to, T0, lease('c'), 10)).toEqual([]);
      const digest = '<digest-1@teppan.test>';
      for (const m of group) expect(await store.finishMessageAttempt(m.id, 'a', { status: 'sent', at: T0, as: digest, note: 'In a digest' })).toBe(true);
      expect(await store.getMessage('demo', later.id)).toEqual({ ...later, status: 'sent', attempts: 1, sentAt: T0, sentAs: digest, note: 'In a digest' });
    });

    it('knows an address as a paying customer’s only once a booking with it is paid, per tenant', async () => {
      const b = await held();
      expect(await store.paidCustomerAddress('demo', b.customer.email)).toBe(false);
      const p = payment(b);
      await store.startPayment(p, T0);
      await store.settlePayment('demo', p.id, undefined, T0);
      expect(await store.paidCustomerAddress('demo', b.customer.email)).toBe(true);
      expect(await store.paidCustomerAddress('other', b.customer.email)).toBe(false);
      expect(await store.paidCustomerAddress('demo', 'someone@example.com')).toBe(false);
    });
  });

  describe('outbox bound', () => {
    const BOUND = 3;
    let bounded: OpenedStore;
    beforeEach(async () => {
      bounded = await open({ outboxBound: BOUND });
    });
    afterEach(() => bounded.dispose());

    it('holds a tenant’s messages past the bound, never losing one or failing the change, and releases them oldest first as the backlog drains', async () => {
      const s = bounded.store;
      const made = Array.from({ length: 5 }, (_, i) => outboxMessage({ createdAt: T0 + i }));
      for (const [i, m] of made.entries()) await s.createLead(lead(`ld_${i}`), [m]);
      // Another tenant's backlog is its own.
      await s.createLead(lead('ld_other', 'other'), [outboxMessage({ tenantId: 'other' })]);
      expect((await s.listLeads('demo', { limit: 10 })).items).toHaveLength(5);
      const listed = (await s.listMessages('demo', { limit: 10 })).items;
      expect(listed.map((m) => m.status)).toEqual(['queued', 'queued', 'queued', 'held', 'held']);
      expect(listed[3]?.note).toMatch(/Held: this business already has 3 messages waiting/);
      expect((await s.listMessages('other', { limit: 10 })).items.map((m) => m.status)).toEqual(['queued']);
      // Held messages are never claimed, and nothing is released while the backlog is full.
      const claimed = (await s.claimMessages(T0, { token: 'a', until: T0 + MINUTE }, 10)).filter((m) => m.tenantId === 'demo');
      expect(claimed.map((m) => m.id).sort()).toEqual(made.slice(0, 3).map((m) => m.id));
      expect(await s.releaseHeld()).toBe(0);
      // One sent: room for one, the oldest held.
      await s.finishMessageAttempt(made[0]?.id ?? '', 'a', { status: 'sent', at: T0 });
      expect(await s.releaseHeld()).toBe(1);
      const after = (await s.listMessages('demo', { limit: 10 })).items;
      expect(after.map((m) => m.status)).toEqual(['sent', 'queued', 'queued', 'queued', 'held']);
      expect(after[3]?.note).toBeUndefined();
      expect(await s.releaseHeld()).toBe(0);
      // A retry due later is still unsent: it keeps its place in the backlog.
      await s.finishMessageAttempt(made[1]?.id ?? '', 'a', { status: 'queued', error: 'ECONNREFUSED', nextAttemptAt: T0 + MINUTE });
      expect(await s.releaseHeld()).toBe(0);
      await s.finishMessageAttempt(made[2]?.id ?? '', 'a', { status: 'failed', error: '550' });
      expect(await s.releaseHeld()).toBe(1);
      expect((await s.listMessages('demo', { limit: 10 })).items.map((m) => m.status)).toEqual(['sent', 'queued', 'failed', 'queued', 'queued']);
    });

    it('holds past the bound within one change too: a settle’s messages are all written', async () => {
      const s = bounded.store;
      await s.createLead(lead('ld_1'), [outboxMessage(), outboxMessage()]);
      const b = booking();
      await s.holdSeating(b, RULES, T0);
      const p = payment(b);
      await s.startPayment(p, T0);
      const two = () => [outboxMessage({ createdAt: T0 + 1 }), outboxMessage({ createdAt: T0 + 2, kind: 'team-new-booking' })];
      expect(await s.settlePayment('demo', p.id, undefined, T0, { messages: two })).toMatchObject({ outcome: 'paid' });
      expect((await s.listMessages('demo', { limit: 10 })).items.map((m) => m.status)).toEqual(['queued', 'queued', 'queued', 'held']);
    });
  });

  describe('managing a booking (reschedule, cancel)', () => {
    const DAY = 24 * 60 * MINUTE;
    const policy = { rescheduleUntilDays: 7, refundUntilDays: 7 };
    const rules = { capacity: CAPACITY_ONLY.capacity, policy };
    const OTHER = '2027-03-05T18:00';
    const to = (slotId = OTHER) => ({
      slotId,
      start: Date.parse(`${slotId.slice(0, 10)}T00:00:00Z`) + 26 * 60 * MINUTE,
      quoteId: 'qt_moved',
      totalCents: 60_000,
    });

    /** A booking on `slotId` whose deposit is paid. */
    async function confirmed(slotId = SLOT) {
      const b = await held({ slotId });
      const p = payment(b);
      await store.startPayment(p, T0);
      const settled = await store.settlePayment('demo', p.id, undefined, T0 + MINUTE);
      if (settled.outcome !== 'paid') throw new Error(`not paid: ${settled.outcome}`);
      return { booking: settled.booking, payment: settled.payment };
    }
    const heldOn = async (slotId: string) => (await store.heldCounts('demo', slotId.slice(0, 10), slotId.slice(0, 10), T0 + 2 * MINUTE)).get(slotId) ?? 0;

    it('moves a paid booking to another seating: same id, same payment, the old team freed and the new one taken', async () => {
      const { booking: b, payment: p } = await confirmed();
      const result = await store.rescheduleBooking('demo', b.id, to(), rules, T0 + 2 * MINUTE);
      expect(result).toMatchObject({ outcome: 'rescheduled', booking: { id: b.id, slotId: OTHER, paymentId: p.id, status: 'confirmed', reschedules: 1 } });
      expect(await store.getBooking('demo', b.id)).toEqual(result.booking);
      expect([await heldOn(SLOT), await heldOn(OTHER)]).toEqual([0, 1]);
      expect(await store.paymentsOfBookings('demo', [b.id])).toEqual([p]);
      expect(await store.rescheduleBooking('demo', b.id, to(), rules, T0 + 3 * MINUTE)).toMatchObject({ outcome: 'unchanged' });
      expect(await store.rescheduleBooking('other', b.id, to(SLOT), rules, T0 + 3 * MINUTE)).toEqual({ outcome: 'not-managed' });
    });

    it('refuses a reschedule inside the window, to a full seating, or of a booking not paid', async () => {
      const { booking: b } = await confirmed();
      expect(await store.rescheduleBooking('demo', b.id, to(), rules, b.start - 7 * DAY + 1)).toMatchObject({ outcome: 'too-late' });
      for (let i = 0; i < rules.capacity; i++) await held({ slotId: OTHER });
      expect(await store.rescheduleBooking('demo', b.id, to(), rules, T0 + 2 * MINUTE)).toMatchObject({ outcome: 'full' });
      const unpaid = await held();
      expect(await store.rescheduleBooking('demo', unpaid.id, to('2027-03-06T18:00'), rules, T0 + 2 * MINUTE)).toMatchObject({ outcome: 'not-managed' });
      expect(await store.getBooking('demo', b.id)).toMatchObject({ slotId: SLOT });
    });

    it('gives the last team of a seating to exactly one of a reschedule and new holds racing for it', async () => {
      for (let i = 0; i < rules.capacity - 1; i++) await held({ slotId: OTHER });
      const { booking: b } = await confirmed();
      const [moved, ...holds] = await Promise.all([
        store.rescheduleBooking('demo', b.id, to(), rules, T0 + 2 * MINUTE),
        ...Array.from({ length: 5 }, () => store.holdSeating(booking({ slotId: OTHER }), CAPACITY_ONLY, T0 + 2 * MINUTE)),
      ]);
      const winners = (moved?.outcome === 'rescheduled' ? 1 : 0) + holds.filter((h) => h.outcome === 'created').length;
      expect(winners).toBe(1);
      expect(await heldOn(OTHER)).toBe(rules.capacity);
    });

    it('cancels a paid booking once, frees its seating, and records the refund inside the window only', async () => {
      const { booking: b, payment: p } = await confirmed();
      const results = await Promise.all(Array.from({ length: 6 }, () => store.cancelBooking('demo', b.id, policy, T0 + 2 * MINUTE, 'Moving away')));
      expect(
        count(
          results.map((r) => r.outcome),
          'cancelled',
        ),
      ).toBe(1);
      for (const r of results) expect(r).toMatchObject({ refundCents: p.amountCents });
      expect(await store.getBooking('demo', b.id)).toMatchObject({ status: 'cancelled', cancelReason: 'Moving away', cancelledAt: T0 + 2 * MINUTE });
      expect(await heldOn(SLOT)).toBe(0);
      expect(await store.getPayment('demo', p.id)).toMatchObject({ status: 'succeeded', refund: { amountCents: p.amountCents, status: 'pending' } });
      expect(await store.finishRefund('demo', p.id, T0 + 3 * MINUTE)).toMatchObject({ refund: { status: 'succeeded' } });
      expect(await store.finishRefund('demo', p.id, T0 + 4 * MINUTE)).toMatchObject({ refund: { status: 'succeeded' }, updatedAt: T0 + 3 * MINUTE });

      const late = await confirmed();
      expect(await store.cancelBooking('demo', late.booking.id, policy, late.booking.start - 7 * DAY + 1)).toMatchObject({
        outcome: 'cancelled',
        refundCents: 0,
      });
      expect((await store.getPayment('demo', late.payment.id))?.refund).toBeUndefined();
      const started = await confirmed();
      expect(await store.cancelBooking('demo', started.booking.id, policy, started.booking.start)).toMatchObject({ outcome: 'too-late' });
      expect(await store.cancelBooking('demo', (await held()).id, policy, T0 + 2 * MINUTE)).toMatchObject({ outcome: 'not-managed' });
    });

    it('queues a move’s messages in its transaction, from the booking before and after it; none for a move that did not happen', async () => {
      const { booking: b } = await confirmed();
      const messages = ({ booking: after, previous }: { booking: StoredBooking; previous: StoredBooking }) => [
        outboxMessage({ kind: 'booking-rescheduled', subject: `${previous.slotId} to ${after.slotId}, sequence ${after.reschedules}` }),
      ];
      const moved = await store.rescheduleBooking('demo', b.id, to(), rules, T0 + 2 * MINUTE, { messages });
      expect(moved).toMatchObject({ outcome: 'rescheduled' });
      // A repeat (unchanged), a move too late, and a move that throws while making its messages: none queues, none moves.
      await store.rescheduleBooking('demo', b.id, to(), rules, T0 + 3 * MINUTE, { messages });
      await store.rescheduleBooking('demo', b.id, to(SLOT), rules, (moved.booking?.start ?? 0) - 7 * DAY + 1, { messages });
      const broken = () => {
        throw new Error('no template');
      };
      await expect(store.rescheduleBooking('demo', b.id, to(SLOT), rules, T0 + 4 * MINUTE, { messages: broken })).rejects.toThrow('no template');
      expect(await store.getBooking('demo', b.id)).toMatchObject({ slotId: OTHER, reschedules: 1 });
      expect((await store.listMessages('demo', { limit: 100 })).items.map((m) => m.subject)).toEqual([`${SLOT} to ${OTHER}, sequence 1`]);
    });

    it('queues a cancellation’s messages once, with the cancelling transaction, however many cancel at once', async () => {
      const { booking: b } = await confirmed();
      const messages = ({ booking: after, refundCents }: { booking: StoredBooking; refundCents: number }) => [
        outboxMessage({ kind: 'booking-cancelled', subject: `${after.status}, ${refundCents} refunded` }),
      ];
      await Promise.all(Array.from({ length: 5 }, () => store.cancelBooking('demo', b.id, policy, T0 + 2 * MINUTE, undefined, { messages })));
      expect((await store.listMessages('demo', { limit: 100 })).items.map((m) => m.subject)).toEqual([`cancelled, ${b.depositCents} refunded`]);
      const other = await confirmed();
      const broken = () => {
        throw new Error('no template');
      };
      await expect(store.cancelBooking('demo', other.booking.id, policy, T0 + 2 * MINUTE, undefined, { messages: broken })).rejects.toThrow('no template');
      expect(await store.getBooking('demo', other.booking.id)).toMatchObject({ status: 'confirmed' });
      expect((await store.getPayment('demo', other.payment.id))?.refund).toBeUndefined();
    });

    it('lists the refunds left pending, oldest first, once they have waited long enough, until they are done', async () => {
      const a = await confirmed();
      const b = await confirmed();
      await store.cancelBooking('demo', a.booking.id, policy, T0 + 2 * MINUTE);
      await store.cancelBooking('demo', b.booking.id, policy, T0 + 3 * MINUTE);
      expect(await store.pendingRefunds(T0 + MINUTE, 10)).toEqual([]);
      expect((await store.pendingRefunds(T0 + 3 * MINUTE, 10)).map((p) => p.id)).toEqual([a.payment.id, b.payment.id]);
      expect((await store.pendingRefunds(T0 + 3 * MINUTE, 1)).map((p) => p.id)).toEqual([a.payment.id]);
      await store.finishRefund('demo', a.payment.id, T0 + 4 * MINUTE);
      expect((await store.pendingRefunds(T0 + 9 * MINUTE, 10)).map((p) => p.id)).toEqual([b.payment.id]);
    });
  });

  describe('reminders', () => {
    const HOUR = 60 * MINUTE;
    const policy = { rescheduleUntilDays: 7, refundUntilDays: 7 };
    /** A booking whose deposit is paid, starting `laterMs` after the fixture's seating. */
    async function confirmed(slotId = SLOT, laterMs = 0) {
      const b = await held({ slotId, start: booking().start + laterMs });
      const p = payment(b);
      await store.startPayment(p, T0);
      const settled = await store.settlePayment('demo', p.id, undefined, T0 + MINUTE);
      if (settled.outcome !== 'paid') throw new Error(`not paid: ${settled.outcome}`);
      return settled.booking;
    }
    /** The bookings due a 48-hour reminder at `now`. */
    const due = async (now: number) => (await store.dueReminders('demo', 48, now, now + 48 * HOUR, 10)).map((b) => b.id);
    const remind = (b: StoredBooking, now: number) =>
      store.claimReminder('demo', b.id, 48, b.start, [outboxMessage({ kind: 'reminder', subject: `Reminder ${b.id} ${b.start}` })], now);
    const reminders = async () => (await store.listMessages('demo', { limit: 100 })).items.filter((m) => m.kind === 'reminder').map((m) => m.subject);

    it('lists the confirmed bookings starting in the window, soonest first: not unpaid or cancelled ones, not another tenant’s', async () => {
      const b = await confirmed();
      const later = await confirmed('2027-03-03T20:30', 150 * MINUTE);
      await held();
      const gone = await confirmed('2027-03-03T12:00');
      await store.cancelBooking('demo', gone.id, policy, T0 + 2 * MINUTE);
      expect(await due(b.start - 49 * HOUR)).toEqual([]);
      expect(await due(b.start - 45 * HOUR)).toEqual([b.id, later.id]);
      expect(await store.dueReminders('other', 48, b.start - 47 * HOUR, b.start + HOUR, 10)).toEqual([]);
      // Started: no longer due.
      expect(await due(b.start)).toEqual([later.id]);
    });

    it('queues a reminder once for its booking and start, however many claim it at once, across processes sharing the data', async () => {
      const b = await confirmed();
      const handles = opened.another ? [store, await opened.another(), await opened.another()] : [store];
      const now = b.start - 47 * HOUR;
      const claims = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          (handles[i % handles.length] as Store).claimReminder('demo', b.id, 48, b.start, [outboxMessage({ kind: 'reminder' })], now),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await reminders()).toHaveLength(1);
      expect(await due(now)).toEqual([]);
      // The 24-hour reminder is another one.
      expect((await store.dueReminders('demo', 24, now - 24 * HOUR, now + 48 * HOUR, 10)).map((x) => x.id)).toEqual([b.id]);
    });

    it('follows a reschedule: the reminder sent for the old start does not stop the new start’s; a cancelled or moved booking’s claim queues nothing', async () => {
      const b = await confirmed();
      expect(await remind(b, b.start - 47 * HOUR)).toBe(true);
      const moved = await store.rescheduleBooking(
        'demo',
        b.id,
        { slotId: '2027-03-05T18:00', start: b.start + 48 * HOUR, quoteId: b.quoteId, totalCents: b.totalCents },
        { capacity: 3, policy: { rescheduleUntilDays: 0, refundUntilDays: 7 } },
        b.start - 47 * HOUR,
      );
      if (moved.outcome !== 'rescheduled') throw new Error(moved.outcome);
      // A claim made from a reading before the move (the old start) queues nothing.
      expect(await store.claimReminder('demo', b.id, 24, b.start, [outboxMessage({ kind: 'reminder' })], b.start - 20 * HOUR)).toBe(false);
      expect(await due(moved.booking.start - 47 * HOUR)).toEqual([b.id]);
      expect(await remind(moved.booking, moved.booking.start - 47 * HOUR)).toBe(true);
      expect(await reminders()).toEqual([`Reminder ${b.id} ${b.start}`, `Reminder ${b.id} ${moved.booking.start}`]);

      const gone = await confirmed('2027-03-03T12:00');
      await store.cancelBooking('demo', gone.id, policy, T0 + 2 * MINUTE);
      expect(await remind(gone, gone.start - 47 * HOUR)).toBe(false);
      const unpaid = await held({ slotId: '2027-03-03T15:00' });
      expect(await remind(unpaid, unpaid.start - 47 * HOUR)).toBe(false);
      expect(await reminders()).toHaveLength(2);
    });
  });
});
