import { type APIRequestContext, type BrowserContext, expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { eventDate, heldBookingViaApi } from '../../e2e/support';
import { bookings, conversations, leads, type Seen, seen } from './admin';

/** One visitor: a browser context of its own, and the API for the server's side. */
export interface Env {
  page: Page;
  context: BrowserContext;
  request: APIRequestContext;
}

/** What makes one cell's records its own: a name, and a day of its own in the booking window. */
export interface CellInfo {
  name: string;
  offset: number;
}

/**
 * One action, prepared up to the visitor's click, and how to judge what became
 * of it: what the page claims, what the server holds, what the fields keep.
 */
export interface Action {
  /** The request the click sends, as the page sees it: each fault is aimed at its exact path as it leaves. */
  sends: { method: 'POST'; url: RegExp };
  act(): Promise<void>;
  /** After a reload: back to the widget, as a visitor would (the chat: open it again). */
  reopen(): Promise<void>;
  /** Shown only as a claim of success. */
  success: Locator;
  /** A claim that it failed (so nothing may exist on the server), with a way to try again. */
  failure: Locator;
  /** An honest "not known yet" with a way to ask again: the record may exist. */
  unsure?: Locator;
  /** After a reload: the form as before the click, nothing claimed (a card is never kept, so it is typed again). */
  ready?(): Promise<boolean>;
  retry(): Promise<void>;
  /** Records the visitor's claim is about (a booking; a charge; a message; a lead). */
  count(): Promise<number>;
  /** Exactly one record, holding what was typed. */
  checkRecord(): Promise<void>;
  /** The fields (or what the widget shows of them) still hold what was typed. */
  checkKept(reloaded: boolean): Promise<void>;
  /** Row-specific checks of the intent's requests that reached the server, under a fault (a confirm is never re-sent blind). */
  checkRequests?(column: string, arrived: Seen[]): Promise<void>;
}

export interface Row {
  id: string;
  label: string;
  /** The per-attempt timeout of its call (src/core/http/timeouts.ts): the timeout fault waits past it. */
  attemptMs: number;
  /** Why the row cannot run yet (its widget or action is not built). */
  pending?: string;
  prepare(env: Env, cell: CellInfo): Promise<Action>;
}

const auth = { authorization: 'Bearer pk_test_demo' };
/** Cells run side by side on 2 cores: a widget may take a while to appear, which is not what a cell judges. */
const expect = baseExpect.configure({ timeout: 30_000 });

/** The first of these buttons the page offers. */
async function clickOffered(...buttons: Locator[]) {
  for (const b of buttons) if (await b.isVisible()) return b.click();
  throw new Error('no way to try again was offered');
}

const booking: Row = {
  id: 'booking',
  label: 'create booking',
  attemptMs: 45_000,
  async prepare({ page, request }, { name, offset }) {
    const res = await request.post('/api/v1/quotes', { headers: auth, data: { adults: 10, eventDate: eventDate(offset), zip: '90012' } });
    expect(res.status()).toBe(201);
    const quote = (await res.json()) as { id: string };
    const email = `${name.toLowerCase().replaceAll(' ', '.')}@example.com`;
    const notes = `Gate code 42 (${name})`;
    await page.goto(`/book.html?quote=${quote.id}`);
    const form = page.locator('teppan-booking');
    await form.getByRole('radio', { name: '6:00 PM' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByLabel('Street address').fill('1 Sakura Way');
    await form.getByLabel('City').fill('Los Angeles');
    await form.getByLabel('Notes').fill(notes);
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Phone').fill('(213) 555-0142');
    await form.getByRole('button', { name: 'Continue' }).click();
    await expect(form.getByRole('heading', { name: /Review and confirm/ })).toBeVisible();
    const mine = async () => (await bookings(request)).filter((b) => b.customer.name === name);
    return {
      sends: { method: 'POST', url: /\/api\/v1\/bookings$/ },
      act: () => form.getByRole('button', { name: 'Confirm booking' }).click(),
      reopen: () => form.scrollIntoViewIfNeeded(),
      success: form.getByRole('heading', { name: 'Booking received' }),
      failure: form.getByRole('alert'),
      retry: () => clickOffered(form.getByRole('button', { name: 'Try again' }), form.getByRole('button', { name: 'Confirm booking' })),
      count: async () => (await mine()).length,
      async checkRecord() {
        const found = await mine();
        expect(found.map((b) => [b.customer.email, b.notes, b.status])).toEqual([[email, notes, 'pending_deposit']]);
      },
      async checkKept() {
        // The review step shows every field the visitor filled; they come from the draft kept on the device.
        for (const text of [name, email, notes]) await expect(form).toContainText(text);
      },
    };
  },
};

const CARD = { 'Card number': '4242 4242 4242 4242', 'Expiration date': '12 / 34', 'Security code': '123', 'Postal code': '90012' };
/** Columns where the confirm's answer never arrives: it is settled by asking for the payment, never re-sent blind. */
const NO_ANSWER = new Set(['reset', 'drop', 'timeout', 'offline', 'reload']);

function payment(which: 'start' | 'confirm'): Row {
  return {
    id: `pay-${which}`,
    label: which === 'start' ? 'start a payment' : 'confirm a payment',
    attemptMs: 60_000,
    async prepare({ page, request }, { name, offset }) {
      const held = await heldBookingViaApi(request, { name, offset, time: '12:00' });
      await page.goto(`/pay.html?booking=${held.id}`);
      const form = page.locator('teppan-payment');
      const enterCard = async () => {
        for (const [label, value] of Object.entries(CARD)) await form.getByLabel(label).fill(value);
      };
      await enterCard();
      const pay = form.getByRole('button', { name: 'Pay deposit' });
      const mine = async () => (await bookings(request)).find((b) => b.id === held.id);
      const startPath = `/api/v1/bookings/${held.id}/payments`;
      return {
        sends: { method: 'POST', url: which === 'start' ? new RegExp(`${startPath}$`) : /\/api\/v1\/payments\/[^/]+\/confirm$/ },
        act: () => pay.click(),
        reopen: () => form.scrollIntoViewIfNeeded(),
        success: form.getByRole('heading', { name: 'Deposit paid' }),
        failure: form.getByRole('alert').filter({ hasText: /nothing was charged/i }),
        unsure: form.getByRole('button', { name: 'Check again' }),
        // Not busy, no alert, an empty card: nothing claimed, the visitor can pay.
        // (Read without waiting: the form may be giving way to the receipt meanwhile.)
        ready: async () =>
          (await pay.isVisible()) &&
          (await pay.getAttribute('aria-busy', { timeout: 500 }).catch(() => 'gone')) === null &&
          (await form.getByRole('alert').count()) === 0 &&
          (await form
            .getByLabel('Card number')
            .inputValue({ timeout: 500 })
            .catch(() => 'gone')) === '',
        async retry() {
          // Card details are never kept on the device: after a reload they are typed again.
          if ((await form.getByLabel('Card number').inputValue()) === '') await enterCard();
          await clickOffered(form.getByRole('button', { name: 'Check again' }), pay);
        },
        count: async () => (await mine())?.payments.filter((p) => p.status === 'succeeded').length ?? 0,
        async checkRecord() {
          const b = await mine();
          expect([b?.status, b?.payments.map((p) => p.status)]).toEqual(['confirmed', ['succeeded']]);
        },
        async checkKept(reloaded) {
          // Card data is never written to the device (by design): a reload empties the form, nothing else does.
          for (const [label, value] of Object.entries(CARD)) await expect(form.getByLabel(label)).toHaveValue(reloaded ? '' : value);
        },
        async checkRequests(column, sent) {
          if (which !== 'confirm' || !NO_ANSWER.has(column)) return;
          const id = (await mine())?.payments[0]?.id ?? '-';
          const asked = await seen(request, { method: 'GET', path: new RegExp(`^/api/v1/payments/${id}$`) });
          expect(asked.length, 'a confirm whose answer was lost is settled by asking for the payment').toBeGreaterThan(0);
          // Offline, the first confirm never reached the server: the first one it saw is already a re-send.
          const [lost, again] = column === 'offline' ? [0, sent[0]] : [sent[0]?.at ?? 0, sent[1]];
          if (again)
            expect(
              asked.some((g) => g.at > lost && g.at < again.at),
              'asked before sending the card again',
            ).toBe(true);
        },
      };
    },
  };
}

async function openChat(page: Page) {
  await page.getByRole('button', { name: 'Open chat' }).click();
  const dialog = page.getByRole('dialog', { name: /Questions\? Ask/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

const chat: Row = {
  id: 'chat',
  label: 'send a chat message',
  attemptMs: 30_000,
  async prepare({ page, request }, { name }) {
    const text = `what if it rains? (${name})`;
    await page.goto('/book.html');
    const dialog = await openChat(page);
    await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
    const visitor = dialog.locator('.teppan-chat__message--visitor', { hasText: text });
    const reply = dialog.locator('.teppan-chat__message--reply');
    const mine = async () => (await conversations(request)).filter((c) => c.messages.some((m) => m.role === 'visitor' && m.text === text));
    return {
      sends: { method: 'POST', url: /\/api\/v1\/chat\/messages$/ },
      act: () => dialog.getByRole('button', { name: 'Send' }).click(),
      reopen: async () => void (await openChat(page)),
      // "Sent", and its whole answer in (not arriving, not cut off).
      success: dialog.locator('.teppan-chat__message--reply:not([aria-busy])').filter({ hasNot: page.getByRole('button', { name: 'Try again' }) }),
      failure: visitor.getByText(/Not sent/),
      unsure: reply.getByRole('button', { name: 'Try again' }),
      retry: () => dialog.getByRole('button', { name: 'Try again' }).first().click(),
      count: async () => (await mine()).flatMap((c) => c.messages).filter((m) => m.role === 'visitor' && m.text === text).length,
      async checkRecord() {
        expect((await mine()).map((c) => c.messages.map((m) => m.role))).toEqual([['visitor', 'assistant']]);
        await expect(reply).toHaveCount(1);
        await expect(reply).not.toContainText('cut off');
      },
      checkKept: () => expect(visitor).toBeVisible(),
    };
  },
};

const lead: Row = {
  id: 'lead',
  label: 'leave a lead',
  attemptMs: 10_000,
  async prepare({ page, request }, { name }) {
    const question = `Can you cater a wedding for 80? (${name})`;
    await page.goto('/book.html');
    const dialog = await openChat(page);
    await dialog.getByRole('button', { name: 'Talk to a person' }).click();
    const form = dialog.getByRole('form', { name: 'Talk to a person' });
    const typed = { Name: name, Phone: '(213) 555-0199', 'Your question': question };
    for (const [label, value] of Object.entries(typed)) await form.getByLabel(label).fill(value);
    const mine = async () => (await leads(request)).filter((l) => l.name === name);
    return {
      sends: { method: 'POST', url: /\/api\/v1\/leads$/ },
      act: () => form.getByRole('button', { name: 'Send to the team' }).click(),
      async reopen() {
        const d = await openChat(page);
        const talk = d.getByRole('button', { name: 'Talk to a person' });
        if (await talk.isVisible()) await talk.click();
      },
      success: dialog.getByText(`Thanks, ${name}.`),
      failure: form.getByRole('alert'),
      retry: () => clickOffered(form.getByRole('button', { name: 'Try again' }), form.getByRole('button', { name: 'Send to the team' })),
      count: async () => (await mine()).length,
      async checkRecord() {
        expect((await mine()).map((l) => [l.phone, l.question])).toEqual([[typed.Phone, question]]);
      },
      async checkKept() {
        for (const [label, value] of Object.entries(typed)) await expect(form.getByLabel(label)).toHaveValue(value);
      },
    };
  },
};

export const ROWS: Row[] = [booking, payment('start'), payment('confirm'), chat, lead];
