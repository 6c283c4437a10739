// `npm run bench:load`: many visitors at once quoting, reading availability and
// booking the same few seatings, against the in-memory store, a SQLite file, and
// two server processes sharing one SQLite file; then one address flooding.
// Loopback only; it starts its own servers, stops them, and stops by itself.
// Exits non-zero if any seating ends up with more bookings than chef teams, or
// if a flood stores more than the write allowance lets through.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LIMITS } from '../server/http/rate-limit';
import { demoTenant } from '../server/tenants';
import type { AdminBookingList, Availability, Booking, Payment, Quote } from '../src/contract';
import { addDays, bookableDates } from '../src/core/schedule';
import { adminListAll } from '../test/support/admin-list';
import { startServer, type TestServer } from '../test/support/server';

const PK = 'pk_test_demo';
const { catalog } = demoTenant;
const CAPACITY = catalog.booking.teamsPerSeating;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };

/**
 * Visitors at once, each with an address of its own. Each makes one whole visit, then visits again
 * while `VISIT_SECONDS` last; on a machine so slow that the first visits outlast `CUTOFF_SECONDS`, no further call starts.
 */
const VISITORS = 100;
const VISIT_SECONDS = 6;
const CUTOFF_SECONDS = 18;
/** The few seatings everyone wants: every seating of two days. */
const first = bookableDates(catalog, Date.now()).first;
const HOT_DATES = [addDays(first, 10), addDays(first, 11)];
const HOT_SEATINGS = HOT_DATES.flatMap((date) => catalog.booking.seatings.map((time) => `${date}T${time}`));
/** Issue 9 stored 20,000 quotes sent in 9 s: the flood sends as many as it can for as long. */
const FLOOD_SECONDS = 9;
const GUESSES = 2_000;
/** Requests in flight at once from the one flooding address, as a script would send them. */
const FLOOD_CONCURRENCY = 64;
const DEADLINE_MS = 115_000;

type Kind = 'read' | 'quote' | 'book' | 'pay';
interface Sample {
  kind: Kind;
  ms: number;
  /** 0: no answer (connection failed). */
  status: number;
}

/** Why calls got no answer, across the run. */
const failures = new Map<string, number>();
const dir = mkdtempSync(join(tmpdir(), 'teppan-load-'));
const servers: TestServer[] = [];
const stopAll = () => Promise.all(servers.splice(0).map((s) => s.stop()));
const deadline = setTimeout(() => {
  console.error(`bench:load: not done after ${DEADLINE_MS / 1000} s (a crowded machine?); stopping its servers.`);
  // Each server is sent SIGTERM at once; exiting now keeps calls to the stopped servers from reporting as a crash.
  void stopAll();
  rmSync(dir, { recursive: true, force: true });
  process.exit(2);
}, DEADLINE_MS);

async function start(env: Record<string, string>, entry?: string): Promise<TestServer> {
  // As deployed behind a proxy: each simulated visitor's address comes from X-Forwarded-For. No chaos.
  // A loaded machine starts four servers slowly: the deadline above still bounds the whole run.
  const server = await startServer({ TEPPAN_CHAOS: '0', TEPPAN_TRUST_PROXY: '1', ...env }, { entry, startTimeoutMs: 60_000 });
  servers.push(server);
  return server;
}

/** Thrown by `call` past the cutoff: a visit stops where it is, so a slow machine cannot stretch the run (calls in flight still finish). */
class PhaseOver extends Error {}
interface Phase {
  samples: Sample[];
  /** `performance.now()` after which no visit starts but a visitor's first. */
  until: number;
  /** `performance.now()` after which no call starts. */
  cutoff: number;
}

/** One API call from `address`, timed; the body read whole, as a page would. */
async function call<T>({ samples, cutoff }: Phase, kind: Kind, url: string, path: string, address: string, init: RequestInit = {}) {
  if (performance.now() >= cutoff) throw new PhaseOver();
  const started = performance.now();
  let status = 0;
  let body: T | undefined;
  try {
    const res = await fetch(`${url}/api/v1${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address } });
    status = res.status;
    body = (await res.json().catch(() => undefined)) as T | undefined;
  } catch (error) {
    // Counted as status 0: no answer (the cause is listed under the table).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = `${kind}: ${cause?.code ?? cause?.message ?? String(error)}`;
    failures.set(why, (failures.get(why) ?? 0) + 1);
  }
  samples.push({ kind, ms: performance.now() - started, status });
  return { status, body };
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, ...headers },
  body: JSON.stringify(body),
});
const keyed = () => ({ 'idempotency-key': crypto.randomUUID() });

/** A visit: the catalog, the calendar, a quote each time typing settles, the day's seatings, a booking, and the deposit when it is booked. */
async function visit(phase: Phase, url: string, visitor: number, n: number): Promise<void> {
  const address = `10.1.${visitor >> 8}.${visitor & 255}`;
  const date = HOT_DATES[(visitor + n) % HOT_DATES.length] as string;
  const get = <T>(path: string) => call<T>(phase, 'read', url, `${path}${path.includes('?') ? '&' : '?'}key=${PK}`, address);
  await get('/catalog');
  await get(`/availability?from=${HOT_DATES[0]}&to=${HOT_DATES.at(-1)}&guests=10`);
  let quote: Quote | undefined;
  for (const adults of [10, 12, 14]) quote = (await call<Quote>(phase, 'quote', url, '/quotes', address, post({ adults, eventDate: date, zip: '90012' }))).body;
  const { body: availability } = await get<Availability>(`/availability?from=${date}&to=${date}&guests=14`);
  const open = availability?.days[0]?.slots.filter((s) => s.remaining > 0) ?? [];
  // The first seating still open, as most visitors pick; when none is, one anyway (it was open a moment ago).
  const slotId = open[visitor % Math.max(1, open.length)]?.id ?? `${date}T${catalog.booking.seatings[visitor % catalog.booking.seatings.length]}`;
  if (!quote) return;
  const booking = {
    slotId,
    quoteId: quote.id,
    customer: { name: `Visitor ${visitor}`, email: `v${visitor}@example.com`, phone: '(213) 555-0142' },
    address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
    notes: '',
  };
  const booked = await call<Booking>(phase, 'book', url, '/bookings', address, post(booking, keyed()));
  if (booked.status !== 201 || !booked.body) return;
  const { body: payment } = await call<Payment>(phase, 'pay', url, `/bookings/${booked.body.id}/payments`, address, post({}, keyed()));
  if (payment) await call(phase, 'pay', url, `/payments/${payment.id}/confirm`, address, post({ card: CARD }, keyed()));
  await get(`/bookings/${booked.body.id}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Row {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  byKind: string;
  errors5xx: number;
  refused429: number;
  noAnswer: number;
  booked201: number;
  live: number;
  fullest: number;
  overbooked: string[];
}

/** Every visitor at once, spread over `urls` as a balancer would; then the bookings per seating, read through the admin route. */
async function runVisitors(name: string, urls: string[]): Promise<Row> {
  const samples: Sample[] = [];
  const started = performance.now();
  const phase: Phase = { samples, until: started + VISIT_SECONDS * 1000, cutoff: started + CUTOFF_SECONDS * 1000 };
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, visitor) => {
      for (let n = 0; n === 0 || performance.now() < phase.until; n++) {
        try {
          await visit(phase, urls[visitor % urls.length] as string, visitor, n);
        } catch (error) {
          if (error instanceof PhaseOver) return;
          throw error;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const kinds: Kind[] = ['read', 'quote', 'book', 'pay'];
  const byKind = kinds
    .map((kind) => {
      const ms = samples
        .filter((s) => s.kind === kind)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      return `${kind} ${fmt(percentile(ms, 50))}/${fmt(percentile(ms, 99))}`;
    })
    .join(', ');

  const bookings = (await adminListAll(urls[0] ?? '', 'bookings')) as AdminBookingList['bookings'];
  const perSeating = new Map<string, number>();
  for (const b of bookings) if (b.status === 'pending_deposit' || b.status === 'confirmed') perSeating.set(b.slotId, (perSeating.get(b.slotId) ?? 0) + 1);
  return {
    name,
    requests: samples.length,
    perSecond: samples.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    byKind,
    errors5xx: samples.filter((s) => s.status >= 500).length,
    refused429: samples.filter((s) => s.status === 429).length,
    noAnswer: samples.filter((s) => s.status === 0).length,
    booked201: samples.filter((s) => s.kind === 'book' && s.status === 201).length,
    live: [...perSeating.values()].reduce((a, b) => a + b, 0),
    fullest: Math.max(0, ...perSeating.values()),
    overbooked: [...perSeating].filter(([, n]) => n > CAPACITY).map(([slot, n]) => `${slot}: ${n}`),
  };
}

/** Up to `total` requests from one address for at most `seconds`, `FLOOD_CONCURRENCY` at a time: how each was answered, and how long it took. */
async function flood(total: number, seconds: number, send: () => Promise<Response>) {
  const statuses = new Map<number, number>();
  let sent = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: FLOOD_CONCURRENCY }, async () => {
      while (sent < total && performance.now() < until) {
        sent++;
        const status = await send().then(
          async (res) => {
            await res.body?.cancel();
            return res.status;
          },
          () => 0,
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return { sent, statuses, seconds: (performance.now() - started) / 1000 };
}

const FLOODER = { 'x-forwarded-for': '10.250.0.1' };

async function main(): Promise<number> {
  const shared = join(dir, 'shared.db');
  // Settled, not raced: a server that starts after another failed is still stopped at the end.
  const startedAt = performance.now();
  const started = await Promise.allSettled([
    start({}, 'bench/memory-server.ts'),
    start({ TEPPAN_DB: join(dir, 'one.db') }),
    start({ TEPPAN_DB: shared }),
    start({ TEPPAN_DB: shared }),
  ]);
  const [memory, sqlite, twoA, twoB] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  if (!memory || !sqlite || !twoA || !twoB) throw new Error(started.map((s) => (s.status === 'rejected' ? String(s.reason) : '')).join('\n'));

  console.log(
    `Load: ${VISITORS} visitors at once, each one whole visit, then more for ${VISIT_SECONDS} s (cut off at ${CUTOFF_SECONDS} s). A visit: catalog, availability, 3 quotes, availability, a booking of one of ${HOT_SEATINGS.length} seatings ` +
      `on ${HOT_DATES.join(' and ')}, the deposit when booked, the booking. Each visitor its own address (X-Forwarded-For, TEPPAN_TRUST_PROXY=1).`,
  );
  console.log(
    `Loopback; client and servers share this machine's ${availableParallelism()} cores (load average ${loadavg()[0]?.toFixed(1)} at the start; ` +
      `4 servers started in ${((performance.now() - startedAt) / 1000).toFixed(1)} s). Latencies in ms.\n`,
  );
  // Each row as soon as its configuration is done, so a run cut short by the deadline still shows something.
  const columns: [string, number][] = [
    ['configuration', 26],
    ['requests', 8],
    ['req/s', 6],
    ['p50', 5],
    ['p99', 6],
    ['p50/p99 by kind', 52],
    ['5xx', 4],
    ['429', 4],
    ['no answer', 9],
    ['booked (201)', 12],
    ['live bookings', 13],
    ['fullest seating', 15],
  ];
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(columns[i]?.[1] ?? 0) : cell.padStart(columns[i]?.[1] ?? 0))).join('  ');
  console.log(line(columns.map(([title]) => title)));
  const rows: Row[] = [];
  for (const [name, urls] of [
    ['memory store', [memory.url]],
    ['SQLite file', [sqlite.url]],
    ['2 processes, 1 SQLite file', [twoA.url, twoB.url]],
  ] as const) {
    const r = await runVisitors(name, [...urls]);
    rows.push(r);
    console.log(
      line([
        r.name,
        fmt(r.requests),
        fmt(r.perSecond),
        fmt(r.p50),
        fmt(r.p99),
        r.byKind,
        String(r.errors5xx),
        String(r.refused429),
        String(r.noAnswer),
        String(r.booked201),
        `${r.live} of ${HOT_SEATINGS.length * CAPACITY}`,
        `${r.fullest} of ${CAPACITY}`,
      ]),
    );
  }

  if (failures.size) console.log(`No answer: ${[...failures].map(([why, n]) => `${n} × ${why}`).join('; ')}`);

  // One address floods quotes and guesses keys against the SQLite server: refused early, and the stored quotes stay within the write allowance.
  const db = new Database(join(dir, 'one.db'), { readonly: true });
  const storedQuotes = () => (db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n;
  const before = storedQuotes();
  const quotes = await flood(Number.POSITIVE_INFINITY, FLOOD_SECONDS, () =>
    fetch(`${sqlite.url}/api/v1/quotes`, post({ adults: 10, eventDate: HOT_DATES[0], zip: '90012' }, FLOODER)),
  );
  const stored = storedQuotes() - before;
  db.close();
  const { burst, perMinute } = LIMITS['address-write'];
  const allowance = burst + (perMinute / 60) * (quotes.seconds + 1);
  const guesses = await flood(GUESSES, 5, () => fetch(`${sqlite.url}/api/v1/catalog`, { headers: { authorization: 'Bearer pk_test_guess', ...FLOODER } }));
  const count = (m: Map<number, number>, status: number) => fmt(m.get(status) ?? 0);
  const others = (m: Map<number, number>, known: number[]) =>
    [...m]
      .filter(([s]) => !known.includes(s))
      .map(([s, n]) => `, ${fmt(n)} × ${s || 'no answer'}`)
      .join('');
  console.log(
    `\nFlood from one address (SQLite file): ${fmt(quotes.sent)} quotes in ${quotes.seconds.toFixed(1)} s: ${count(quotes.statuses, 201)} stored (201), ` +
      `${count(quotes.statuses, 429)} refused (429)${others(quotes.statuses, [201, 429])}; ` +
      `${fmt(stored)} new quotes in the database (write allowance: ${burst} at once + ${perMinute / 60}/s → at most ${fmt(allowance)}).`,
  );
  console.log(
    `Bad-key guesses from one address: ${fmt(guesses.sent)} in ${guesses.seconds.toFixed(1)} s: ${count(guesses.statuses, 401)} answered (401), ` +
      `${count(guesses.statuses, 429)} refused (429)${others(guesses.statuses, [401, 429])}.`,
  );

  let failed = 0;
  for (const r of rows) {
    if (r.overbooked.length) {
      console.error(`OVERBOOKED (${r.name}): ${r.overbooked.join(', ')}`);
      failed++;
    }
  }
  if (stored > allowance) {
    console.error(`The flood stored ${stored} quotes, more than the write allowance (${fmt(allowance)}).`);
    failed++;
  }
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} finally {
  await stopAll();
  clearTimeout(deadline);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
