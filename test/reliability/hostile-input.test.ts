import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import {
  bookingRequest,
  chatMessageRequest,
  chatText,
  fieldErrorsOf,
  leadRequest,
  type ProblemDetails,
  paymentConfirmRequest,
  type Quote,
  quoteRequest,
  reservedKeyErrors,
} from '../../src/contract';
import { addDays, bookableDates } from '../../src/core/schedule';
import { type BookingDraft, newDraft } from '../../src/widgets/booking/draft';
import { validateStep } from '../../src/widgets/booking/validate';
import { checkCard, emptyCard } from '../../src/widgets/payment/cardInput';
import { checkQuoteForm, emptyQuoteForm } from '../../src/widgets/quote/form';
import { adminListAll } from '../support/admin-list';
import { readEvents } from '../support/chat';
import { bookableDate, catalog, PK } from '../support/fixtures';
import { MANY_LEADS, startServer, type TestServer } from '../support/server';
import { bodyText, dates, loneSurrogate, numbers, RawJson, reservedKeys, strings, typedNumbers, wrongTypes } from './corpus';
import { emails, phones, zips } from './fields';
import { bookingInEnglish, inEnglish, paymentInEnglish } from './widget-words';

/**
 * The hostile corpus against every write route of the real server: never a
 * 5xx, refusals are problem details naming the field, what is accepted comes
 * back byte for byte, and the server's verdict on each value is the widget's.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer(MANY_LEADS);
});
/** Values sent at a field, and how many were accepted: the figures test/reliability/README.md quotes. */
const tally = { sent: 0, accepted: 0, waits: 0 };
afterAll(async () => {
  // Whatever was thrown at it, the server still answers.
  expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  await server.stop();
  console.info(
    `hostile input (API): ${tally.sent} values sent at fields, ${tally.accepted} accepted and read back, ${seatsTaken} bookings made, ${tally.waits} waits on a 429`,
  );
});

const headers = (key = PK) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}`, 'idempotency-key': crypto.randomUUID() });
/** A POST as a well-behaved client sends it: a 429 (the per-address write allowance) is waited out and sent again. */
async function post(path: string, body: string | Uint8Array<ArrayBuffer>): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: headers(), body });
    if (res.status !== 429 || attempt === 5) return res;
    tally.waits++;
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
}
/** A whole admin list, every page of it (the probes make more rows than one page holds), under its name as a page has it. */
const admin = async <T>(path: '/bookings' | '/leads' | '/conversations'): Promise<T> => {
  const list = path === '/bookings' ? 'bookings' : path === '/leads' ? 'leads' : 'conversations';
  return { [list]: await adminListAll(server.url, list) } as T;
};

/** A copy of `body` with `value` at the dotted `field`. */
function withValue(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const parts = field.split('.');
  let at = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  Object.defineProperty(at, parts.at(-1) as string, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** What the contract says of `field` in `body`, as it arrives on the wire: its message, or undefined. */
function contractVerdict(schema: ZodMiniType<unknown>, text: string, field: string): string | undefined {
  const data = JSON.parse(text);
  const errors = reservedKeyErrors(data);
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) errors.push(...fieldErrorsOf(parsed.error.issues));
  return errors.find((e) => e.field === field)?.detail;
}

const label = (value: unknown) => {
  const s = value instanceof RawJson ? value.text : JSON.stringify(value);
  return s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s;
};

interface Case {
  path: () => string | Promise<string>;
  base: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  schema: ZodMiniType<unknown>;
  /** The widget's own verdict on a value it can hold (a typed string): its message, undefined, or `skip` where it cannot hold it. */
  widget?: (value: unknown) => string | undefined | 'skip';
  /** The server has rules the contract cannot know (ZIP distances, the quote's ZIP): an extra refusal is allowed. */
  domain?: boolean;
  /** The field as stored, read back after a 2xx. */
  stored?: (created: unknown) => Promise<unknown>;
  /** Told of each 2xx (a booking took its seating). */
  created?: () => void;
}

/** Every answer is JSON of some kind: nothing a browser would render (an echoed payload stays data). */
const JSON_TYPES = /^application\/(json|problem\+json|x-ndjson)\b/;

/** Sends each value at `field`; returns every way the server broke a promise (empty when it kept them all). */
async function probe(c: Case, field: string, values: unknown[]): Promise<string[]> {
  const broken: string[] = [];
  for (const value of values) {
    const text = bodyText(withValue(await c.base(), field, value));
    const res = await post(await c.path(), text);
    tally.sent++;
    if (res.ok) {
      tally.accepted++;
      c.created?.();
    }
    const expected = contractVerdict(c.schema, text, field);
    const widget = c.widget?.(value);
    const say = (what: string) => broken.push(`${field}=${label(value)}: ${what}`);
    if (res.status >= 500) {
      say(`${res.status}`);
      continue;
    }
    if (!JSON_TYPES.test(res.headers.get('content-type') ?? '')) say(`answered ${res.headers.get('content-type')}`);
    if (res.ok) {
      if (expected) say(`accepted, but the contract says “${expected}”`);
      if (widget && widget !== 'skip') say(`accepted, but the widget says “${widget}”`);
      if (c.stored) {
        const stored = await c.stored(res.headers.get('content-type')?.includes('ndjson') ? await readEvents(res) : await res.json());
        const want = (c.schema.safeParse(JSON.parse(text)) as { data?: unknown }).data;
        const wanted = field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], want);
        if (stored !== wanted) say(`stored ${label(stored)} instead of ${label(wanted)}`);
      }
      continue;
    }
    if (!res.headers.get('content-type')?.startsWith('application/problem+json')) say(`a ${res.status} that is not problem details`);
    const problem = (await res.json()) as ProblemDetails;
    if (res.status !== 422) {
      say(`${res.status} ${problem.code}`);
      continue;
    }
    const message = problem.errors?.find((e) => e.field === field)?.detail;
    if (!message) say(`422 without naming the field: ${JSON.stringify(problem.errors)}`);
    else if (expected !== undefined && message !== expected) say(`server says “${message}”, the contract “${expected}”`);
    else if (expected === undefined && !c.domain) say(`refused (“${message}”) though the contract accepts it`);
    if (widget !== undefined && widget !== 'skip' && message !== widget && expected !== undefined) say(`server says “${message}”, the widget “${widget}”`);
    if (c.widget && widget === undefined && expected !== undefined) say(`the widget accepts what the server refuses (“${message}”)`);
  }
  return broken;
}

const textValues = [...Object.values(strings), loneSurrogate, ...Object.values(wrongTypes)];

// ——— finding 6, as it was found ———

describe('finding 6: loose checks', () => {
  const fieldsOf = async (res: Response) => ((await res.json()) as ProblemDetails).errors?.map((e) => e.field);

  it('refuses an email made of markup, naming the field', async () => {
    const body = await bookingBase();
    const res = await post('/bookings', bodyText({ ...body, customer: { ...body.customer, email: '<script>alert(1)</script>@evil.com' } }));
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(['customer.email']);
  });

  it('refuses a name of only a zero-width space, naming the field', async () => {
    const body = await bookingBase();
    const res = await post('/bookings', bodyText({ ...body, customer: { ...body.customer, name: '\u200b' } }));
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(['customer.name']);
  });

  it('refuses invalid UTF-8 with a 400 instead of storing U+FFFD', async () => {
    const [before, after] = bodyText({ ...leadBody(), name: '\u0001' }).split('\\u0001');
    const res = await post('/leads', new Uint8Array([...new TextEncoder().encode(before), 0xff, ...new TextEncoder().encode(after)]));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as ProblemDetails).code).toBe('invalid-encoding');
  });

  it('refuses `upgrades.__proto__` by name instead of dropping it', async () => {
    const res = await post('/quotes', `{"adults":10,"eventDate":"${bookableDate()}","zip":"90012","upgrades":{"__proto__":{"filet":1}}}`);
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(['upgrades.__proto__']);
  });
});

// ——— bookings ———

/**
 * Seatings handed out one at a time, each with a fresh quote for its date (a
 * quote makes one live booking). Four a day: one visitor (all of this comes
 * from loopback) may hold six a day. A seating moves on only once it was booked.
 */
let seatsTaken = 0;
let nextSeat: Promise<{ slotId: string; quote: Quote }> | undefined;
function seat() {
  nextSeat ??= (async () => {
    const n = seatsTaken;
    const day = addDays(bookableDates(catalog, Date.now()).first, 1 + Math.floor(n / 4));
    const res = await post('/quotes', bodyText({ adults: 10, eventDate: day, zip: '90012' }));
    if (res.status !== 201) throw new Error(`quote failed: ${res.status} ${await res.text()}`);
    return { slotId: `${day}T${catalog.booking.seatings[n % 4]}`, quote: (await res.json()) as Quote };
  })();
  return nextSeat;
}
function seatTaken() {
  seatsTaken++;
  nextSeat = undefined;
}

const contact = () => ({
  customer: { name: 'Ann Lee', email: 'ann@example.com', phone: '(213) 555-0142' },
  address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
  notes: '',
});

const bookingBase = async () => {
  const { slotId, quote } = await seat();
  return { slotId, quoteId: quote.id, ...contact() };
};

/** A booking made with the next seating. */
async function book(): Promise<string> {
  const res = await post('/bookings', bodyText(await bookingBase()));
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
  seatTaken();
  return ((await res.json()) as { id: string }).id;
}

/** The booking form's own check (the step that shows the field), on the draft the visitor typed. */
function bookingWidget(field: string) {
  return (value: unknown): string | undefined | 'skip' => {
    if (typeof value !== 'string') return 'skip';
    const draft: BookingDraft = { ...newDraft('qt_typed', '90012'), ...contact() };
    const typed = withValue(draft as unknown as Record<string, unknown>, field, value) as unknown as BookingDraft;
    return bookingInEnglish(validateStep(field.startsWith('customer.') ? 2 : 1, typed, '90012')[field], field);
  };
}

type AdminBooking = { id: string; customer: Record<string, string>; address: Record<string, string>; notes: string };
const storedBooking = (field: string) => async (created: unknown) => {
  const { bookings } = await admin<{ bookings: AdminBooking[] }>('/bookings');
  const found = bookings.find((b) => b.id === (created as { id: string }).id);
  return field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], found);
};

const bookingCase = (field: string, domain = false): Case => ({
  path: () => '/bookings',
  base: bookingBase,
  schema: bookingRequest,
  widget: bookingWidget(field),
  domain,
  stored: storedBooking(field),
  created: seatTaken,
});

describe('POST /bookings with hostile input', () => {
  it.each([
    ['customer.name', textValues],
    ['customer.email', [...textValues, ...emails]],
    ['customer.phone', [...textValues, ...phones]],
    ['address.line1', textValues],
    ['address.city', textValues],
    ['notes', textValues],
  ])('%s', async (field, values) => {
    expect(await probe(bookingCase(field), field, values)).toEqual([]);
  });

  it('address.zip', async () => {
    expect(await probe(bookingCase('address.zip', true), 'address.zip', [...zips, ...textValues])).toEqual([]);
  });
});

// ——— leads (the chat's "Talk to a person") ———

type AdminLead = { id: string } & Record<string, unknown>;
const leadCase = (field: string): Case => ({
  path: () => '/leads',
  base: () => leadBody(),
  schema: leadRequest,
  // The handoff form checks its body with the contract's own schema.
  widget: (value) => (typeof value === 'string' ? contractVerdict(leadRequest, JSON.stringify(withValue(leadBody(), field, value)), field) : 'skip'),
  stored: async (created) => {
    const { leads } = await admin<{ leads: AdminLead[] }>('/leads');
    return leads.find((l) => l.id === (created as { id: string }).id)?.[field];
  },
});
const leadBody = () => ({ name: 'Ann Lee', email: 'ann@example.com', phone: '(213) 555-0142', question: 'Can you cook kosher?' });

describe('POST /leads with hostile input', () => {
  it.each([
    ['name', textValues],
    ['email', [...textValues, ...emails]],
    ['phone', [...textValues, ...phones]],
    ['question', textValues],
  ])('%s', async (field, values) => {
    // Optional contact fields: an empty one means "not given", and the other one is there.
    const stored = leadCase(field);
    const c: Case = { ...stored, stored: async (created) => (await stored.stored?.(created)) ?? '' };
    expect(await probe(c, field, values)).toEqual([]);
  });
});

// ——— chat messages ———

describe('POST /chat/messages with hostile input', () => {
  const chatCase: Case = {
    path: () => '/chat/messages',
    base: () => ({ messageId: crypto.randomUUID(), text: 'How much per person?' }),
    schema: chatMessageRequest,
    // The composer checks what it sends with the contract's `chatText`; an empty box sends nothing.
    widget: (value) => {
      if (typeof value !== 'string') return 'skip';
      const r = chatText.safeParse(value);
      return r.success ? undefined : (r.error.issues[0]?.message ?? 'skip');
    },
    stored: async (received) => {
      const start = (received as Awaited<ReturnType<typeof readEvents>>).events.find((e) => e.type === 'start');
      if (start?.type !== 'start') return 'no start event';
      const res = await fetch(`${server.url}/api/v1/chat/conversations/${start.conversationId}?key=${PK}`);
      const { messages } = (await res.json()) as { messages: { role: string; text: string }[] };
      return messages.find((m) => m.role === 'visitor')?.text;
    },
  };

  it('text', async () => {
    expect(await probe(chatCase, 'text', textValues)).toEqual([]);
  });

  it('messageId and conversationId', async () => {
    const ids = [...Object.values(strings).slice(0, 12), ...Object.values(wrongTypes)];
    const plain: Case = { ...chatCase, widget: undefined, stored: undefined };
    expect(await probe(plain, 'messageId', ids)).toEqual([]);
    expect(await probe({ ...plain, domain: true }, 'conversationId', ids)).toEqual([]);
  });
});

// ——— quotes ———

const quoteBody = () => ({ adults: 10, children: 0, upgrades: { filet: 0 }, addOns: { gyoza: 0 }, eventDate: bookableDate(), zip: '90012' });

/** The calculator's verdict on what the visitor typed; JSON numbers are typed as their digits. */
function quoteWidget(field: string) {
  return (value: unknown): string | undefined | 'skip' => {
    const text = field === 'eventDate' || field === 'zip';
    // A date or ZIP is typed as text, a count as digits: a JSON string "12" for a count, or a number for a date, is not comparable.
    const typed = text ? (typeof value === 'string' ? value : undefined) : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    if (typed === undefined) return 'skip';
    const base = quoteBody();
    const form = { ...emptyQuoteForm(catalog), adults: '10', children: '0', eventDate: base.eventDate, zip: base.zip };
    const values = withValue(form as unknown as Record<string, unknown>, field, typed) as unknown as typeof form;
    return inEnglish(checkQuoteForm(values, catalog, Date.now()).errors[field]);
  };
}

const quoteCase = (field: string): Case => ({
  path: () => '/quotes',
  base: quoteBody,
  schema: quoteRequest,
  widget: quoteWidget(field),
  domain: true,
  stored: async (created) => {
    const res = await fetch(`${server.url}/api/v1/quotes/${(created as Quote).id}?key=${PK}`);
    return field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], await res.json());
  },
});

describe('POST /quotes with hostile input', () => {
  const counts = [...Object.values(numbers), ...Object.values(wrongTypes), ...Object.values(typedNumbers)];
  it.each([['adults'], ['children'], ['upgrades.filet'], ['addOns.gyoza']])('%s', async (field) => {
    expect(await probe(quoteCase(field), field, counts)).toEqual([]);
  });

  it('eventDate', async () => {
    expect(await probe(quoteCase('eventDate'), 'eventDate', [...Object.values(dates), ...textValues])).toEqual([]);
  });

  it('zip', async () => {
    expect(await probe(quoteCase('zip'), 'zip', [...zips, ...textValues])).toEqual([]);
  });

  it('menu ids that are not on the menu are named, whatever they are', async () => {
    const broken: string[] = [];
    for (const key of Object.values(strings).filter((s) => s.length > 0 && s.length <= 40)) {
      const res = await post('/quotes', bodyText({ ...quoteBody(), upgrades: { [key]: 1 } }));
      const problem = (await res.json()) as ProblemDetails;
      if (res.status !== 422 || !problem.errors?.some((e) => e.field === `upgrades.${key}`))
        broken.push(`${label(key)}: ${res.status} ${JSON.stringify(problem.errors)}`);
    }
    expect(broken).toEqual([]);
  });
});

// ——— payments ———

/** A held booking and its payment, ready for a card. */
async function freshPayment(): Promise<string> {
  const payment = await post(`/bookings/${await book()}/payments`, '{}');
  return ((await payment.json()) as { id: string }).id;
}

describe('POST /payments/:id/confirm with hostile input', () => {
  const card = () => ({ number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', postalCode: '90012' });
  let paymentId: string | undefined;
  const confirmCase: Case = {
    // A card that was accepted pays the deposit: the next value needs a payment of its own.
    path: async () => {
      paymentId ??= await freshPayment();
      return `/payments/${paymentId}/confirm`;
    },
    base: () => ({ card: card() }),
    schema: paymentConfirmRequest,
    // Which numbers the test provider takes (and Luhn) is the server's to know.
    domain: true,
  };
  const probeCard = async (field: string, values: unknown[], widget?: Case['widget']) => {
    const broken: string[] = [];
    for (const value of values) {
      broken.push(...(await probe({ ...confirmCase, widget }, `card.${field}`, [value])));
      const status = await fetch(`${server.url}/api/v1/payments/${paymentId}?key=${PK}`).then((r) => r.json() as Promise<{ status: string }>);
      if (status.status !== 'requires_confirmation') paymentId = undefined;
    }
    return broken;
  };

  it.each([
    ['number', [...textValues, '4242 4242 4242 4242', '4242424242424241', '42424242424242424242']],
    ['cvc', [...textValues, '12', '12345', '１２３']],
    ['expMonth', [...Object.values(numbers), ...Object.values(wrongTypes), 0, 13]],
    ['expYear', [...Object.values(numbers), ...Object.values(wrongTypes), 1999, 2100, 26]],
  ])('card.%s', async (field, values) => {
    expect(await probeCard(field, values)).toEqual([]);
  });

  it('card.postalCode, checked by the card form with the same rule', async () => {
    const widget = (value: unknown) =>
      typeof value === 'string' ? paymentInEnglish(checkCard({ ...emptyCard, postalCode: value }, Date.now()).postalCode, 'postalCode') : 'skip';
    expect(await probeCard('postalCode', [...textValues, ...zips, 'SW1A 1AA', 'K1A-0B1'], widget)).toEqual([]);
  });

  it('starting a payment takes no fields at all', async () => {
    const id = await book();
    for (const body of ['{"amountCents":1}', '[]', 'null', '"x"', '{"__proto__":{"amountCents":1}}']) {
      const res = await post(`/bookings/${id}/payments`, body);
      expect(res.status, body).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});

// ——— every route ———

const ROUTES: [string, () => Promise<{ path: string; body: Record<string, unknown> }>][] = [
  ['/quotes', async () => ({ path: '/quotes', body: quoteBody() })],
  ['/bookings', async () => ({ path: '/bookings', body: await bookingBase() })],
  ['/bookings/:id/payments', async () => ({ path: `/bookings/${await book()}/payments`, body: {} })],
  [
    '/payments/:id/confirm',
    async () => ({
      path: `/payments/${await freshPayment()}/confirm`,
      body: { card: { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123', postalCode: '90012' } },
    }),
  ],
  ['/chat/messages', async () => ({ path: '/chat/messages', body: { messageId: crypto.randomUUID(), text: 'Hi' } })],
  ['/leads', async () => ({ path: '/leads', body: leadBody() })],
];

/** Where a reserved key goes in each body: at the top, and inside the route's one nested object if it has one. */
const NESTED: Record<string, string | undefined> = { '/quotes': 'upgrades', '/bookings': 'customer', '/payments/:id/confirm': 'card' };

describe('prototype keys are refused by name on every route', () => {
  it.each(ROUTES)('%s', async (route, make) => {
    const nested = NESTED[route];
    for (const key of reservedKeys) {
      for (const where of nested ? [undefined, nested] : [undefined]) {
        const { path, body } = await make();
        const text = where ? bodyText(withValue(body, `${where}.${key}`, 2)) : bodyText(withValue(body, key, 2));
        const res = await post(path, text);
        const field = where ? `${where}.${key}` : key;
        expect(res.status, `${route} ${field}`).toBe(422);
        const problem = (await res.json()) as ProblemDetails;
        expect(problem.errors, `${route} ${field}`).toContainEqual({
          field,
          pointer: `/${field.replace('.', '/')}`,
          detail: `“${key}” can’t be used as a field name.`,
        });
      }
    }
  });
});

/** Byte sequences that are not UTF-8: a stray continuation byte, an overlong slash, a truncated sequence, an encoded surrogate, 0xFF. */
const NOT_UTF8 = [[0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff, 0xfe]];

describe('a body that is not UTF-8 is refused, never stored as U+FFFD', () => {
  it.each(ROUTES)('%s', async (route, make) => {
    for (const bad of NOT_UTF8) {
      const { path, body } = await make();
      const [before, after] = bodyText(withValue(body, route === '/quotes' ? 'zip' : route === '/chat/messages' ? 'text' : 'x', '\u0001')).split('\\u0001');
      const bytes = new Uint8Array([...new TextEncoder().encode(before), ...bad, ...new TextEncoder().encode(after)]);
      const res = await post(path, bytes);
      expect(res.status, `${route} ${bad}`).toBe(400);
      expect(((await res.json()) as ProblemDetails).code).toBe('invalid-encoding');
    }
  });

  it('and nothing of it is kept', async () => {
    const { conversations } = await admin<{ conversations: { messages: { text: string }[] }[] }>('/conversations');
    const { leads } = await admin<{ leads: { name: string; question: string }[] }>('/leads');
    const { bookings } = await admin<{ bookings: AdminBooking[] }>('/bookings');
    const everything = JSON.stringify([conversations, leads, bookings]);
    expect(everything).not.toContain('\ufffd');
  });
});

describe('bodies shaped to hurt', () => {
  it.each(ROUTES)('%s: deep nesting, a top-level array or null, duplicate keys: 4xx, never 5xx', async (route, make) => {
    const { path, body } = await make();
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const shapes = [bodyText(withValue(body, 'x', 1)).replace('"x":1', `"x":${deep}`), '[]', 'null', '"text"', '{"a":1,"a":2}'];
    for (const shape of shapes) {
      const res = await post(path, shape);
      expect(res.status, `${route} ${shape.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${route} ${shape.slice(0, 30)}`).toBeLessThan(500);
    }
  });
});
