// `npm run bench:load`: 200 visitors at once quoting, reading availability and booking the same few
// seatings, against one SQLite process, then 1, 2 and 3 instances on one PostgreSQL (visitors spread
// over them as by a balancer), then 3 instances of which one is killed (SIGKILL) mid-run; then one
// address flooding the SQLite process. Loopback only; it starts its own PostgreSQL cluster and servers,
// stops them, and stops by itself. Exits non-zero if any seating holds more bookings than chef teams,
// if anything was booked or paid twice, if anything a visitor was told was done is missing (or a
// request never got an answer), on any 5xx, or if the flood stores more than the write allowance lets through.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { demoTenant } from '../server/tenants';
import type { AdminBooking } from '../src/contract';
import { addDays, bookableDates } from '../src/core/schedule';
import { adminListAll } from '../test/support/admin-list';
import { freshDatabase } from '../test/support/pg-schema';
import { type Postgres, startPostgres } from '../test/support/postgres';
import { startServer, type TestServer } from '../test/support/server';
import { GIVE_UP_MS, type Kind, PhaseOver, Run } from './load/client';
import { floodFrom } from './load/flood';
import { tally, type Verdict, verdictOf } from './load/verdict';
import { book, type Ledger, PK, shop, visit } from './load/visit';

const { catalog } = demoTenant;
const CAPACITY = catalog.booking.teamsPerSeating;

/**
 * Visitors at once, each with an address of its own. Each makes one whole visit, then visits again
 * while `VISIT_SECONDS` last; on a machine so slow that the first visits outlast `CUTOFF_SECONDS`, no
 * further call starts (a call already started is still retried until it is answered or given up).
 */
const VISITORS = 200;
const VISIT_SECONDS = 6;
const CUTOFF_SECONDS = 18;
/** When the killed instance dies: well into the visits, with requests of its own in flight. */
const KILL_AFTER_SECONDS = 2;
/**
 * Bookings the instance to be killed holds after claiming their keys (fault injection on that instance
 * only), so the kill certainly leaves keys it will never settle: a retry elsewhere must take each over
 * and carry it out once.
 */
const HELD_BY_VICTIM = 2;
/** The few seatings everyone wants: every seating of two days. */
const first = bookableDates(catalog, Date.now()).first;
const HOT_DATES = [addDays(first, 10), addDays(first, 11)];
const SEATS = HOT_DATES.length * catalog.booking.seatings.length * CAPACITY;
/** Five configurations, the last waiting out the claims its killed instance left behind. */
const DEADLINE_MS = 300_000;

const dir = mkdtempSync(join(tmpdir(), 'teppan-load-'));
const servers: TestServer[] = [];
let postgres: Postgres | undefined;
const stopAll = () => Promise.all(servers.splice(0).map((s) => s.stop()));
/** Synchronous, so it also runs on the way out of `process.exit`. */
const removeFiles = () => {
  postgres?.stop();
  postgres = undefined;
  rmSync(dir, { recursive: true, force: true });
};
process.once('exit', removeFiles);
process.once('SIGINT', () => process.exit(130));
const deadline = setTimeout(() => {
  console.error(`bench:load: not done after ${DEADLINE_MS / 1000} s (a crowded machine?); stopping its servers and PostgreSQL.`);
  // Each server is sent SIGTERM at once; exiting now keeps calls to the stopped servers from reporting as a crash.
  void stopAll();
  process.exit(2);
}, DEADLINE_MS);

/**
 * `count` instances of the real server at once on `db`. As deployed behind a proxy: each visitor's
 * address comes from X-Forwarded-For. No chaos, but on the instance to be killed (`chaosOnLast`).
 */
async function start(db: string, count: number, chaosOnLast = false): Promise<TestServer[]> {
  const env = (i: number) => ({ TEPPAN_DB: db, TEPPAN_TRUST_PROXY: '1', TEPPAN_CHAOS: chaosOnLast && i === count - 1 ? '1' : '0' });
  // Settled, not raced: a server that starts after another failed is still stopped at the end.
  const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => startServer(env(i), { startTimeoutMs: 60_000 })));
  for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return started.map((s) => (s as PromiseFulfilledResult<TestServer>).value);
}
async function stop(these: TestServer[]) {
  for (const s of these) servers.splice(servers.indexOf(s), 1);
  await Promise.all(these.map((s) => s.stop()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Row {
  mode: string;
  instances: string;
  perSecond: number;
  p50: number;
  p99: number;
  refused429: number;
  errors5xx: number;
  verdict: Verdict;
  /** For the notes under the table. */
  notes: string[];
}

/**
 * Every visitor at once, spread over `instances` as a balancer would (visitor i on instance i mod n);
 * with `killOn` (their database), the last instance is killed mid-run. Then the bookings as the admin
 * list has them.
 */
async function runVisitors(mode: string, instances: TestServer[], killOn?: string): Promise<Row> {
  const load = loadavg()[0] ?? 0;
  const victim = instances.length - 1;
  const urls = instances.map((s) => s.url);
  const visitor = (id: number, instance = id % instances.length) => ({ id, address: `10.1.${id >> 8}.${id & 255}`, instance });
  // Visitors who come to book on the instance to be killed just before it dies (their quotes made beforehand, not timed).
  const held = killOn ? Array.from({ length: HELD_BY_VICTIM }, (_, i) => ({ key: crypto.randomUUID(), visitor: visitor(VISITORS + i, victim) })) : [];
  const choices = await Promise.all(held.map((h) => shop(new Run(urls, Number.POSITIVE_INFINITY), h.visitor, 0, HOT_DATES)));
  for (const { key } of held) await (instances[victim] as TestServer).arm({ method: 'POST', path: '/api/v1/bookings', idempotencyKey: key, delayMs: 600_000 });

  await warmUp(urls);
  const started = performance.now();
  const run = new Run(urls, started + CUTOFF_SECONDS * 1000);
  const ledger: Ledger = [];
  const until = started + VISIT_SECONDS * 1000;
  const killing = killOn ? killLast(run, instances, killOn, held, started) : undefined;
  await Promise.all([
    ...Array.from({ length: VISITORS }, async (_, id) => {
      for (let n = 0; n === 0 || performance.now() < until; n++) {
        try {
          await visit(run, ledger, visitor(id), n, HOT_DATES);
        } catch (error) {
          if (error instanceof PhaseOver) return;
          throw error;
        }
      }
    }),
    ...held.map(async (h, i) => {
      const choice = choices[i];
      if (!choice) throw new Error('A visitor whose booking the killed instance is to hold got no quote.');
      await sleep(KILL_AFTER_SECONDS * 1000);
      await book(run, ledger, h.visitor, choice, h.key);
    }),
  ]);
  const killed = await killing;
  const seconds = (performance.now() - started) / 1000;
  const bookings = (await adminListAll((instances[0] as TestServer).url, 'bookings')) as AdminBooking[];
  const verdict = verdictOf(bookings, ledger, run.givenUp, CAPACITY);

  const answered = run.samples.filter((s) => s.status > 0);
  const sorted = answered.map((s) => s.ms).sort((a, b) => a - b);
  const byKind = (['read', 'quote', 'book', 'pay'] as Kind[])
    .map((kind) => {
      const ms = answered
        .filter((s) => s.kind === kind)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      return `${kind} ${fmt(percentile(ms, 50))}/${fmt(percentile(ms, 99))}`;
    })
    .join(', ');
  const noAnswer = run.samples.length - answered.length;
  const counted = killOn ? `${instances.length} → ${instances.length - 1} (SIGKILL)` : String(instances.length);
  const name = `${mode} ×${counted}`;
  return {
    mode,
    instances: counted,
    // The steady part: answers while visits were still starting, not the stragglers after.
    perSecond: answered.filter((s) => s.endedAt <= until).length / VISIT_SECONDS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    refused429: run.samples.filter((s) => s.status === 429).length,
    errors5xx: run.samples.filter((s) => s.status >= 500).length,
    verdict,
    notes: [
      `${name}: ${fmt(answered.length)} answers in ${seconds.toFixed(1)} s (load average ${load.toFixed(1)} at the start), ${fmt(run.retries)} retries; ` +
        `p50/p99 ms by kind: ${byKind}`,
      `${name}: ${ledger.length} booking keys${held.length ? ` (${held.length} held by the killed instance, the others sent twice)` : ', each sent twice'}, ` +
        `finally answered ${tally(run.bookAnswers)}; the longest wait for a key's first request ${(run.longestClaimWaitMs / 1000).toFixed(1)} s`,
      ...(killed ? [`${name}: ${killed}`] : []),
      ...(noAnswer ? [`${name}: ${noAnswer} attempts got no answer: ${tally(run.noAnswer)}`] : []),
      ...verdict.causes.map((cause) => `${name}: ${cause}`),
    ],
  };
}

/**
 * Reads the catalog and the calendar a few hundred times from each instance before the clock starts,
 * so no row pays for a cold start (code compiled on first use, first connections) that the others do not.
 */
async function warmUp(urls: string[]) {
  const paths = [`/catalog?key=${PK}`, `/availability?from=${HOT_DATES[0]}&to=${HOT_DATES.at(-1)}&guests=10&key=${PK}`];
  for (const url of urls) {
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        for (let n = 0; n < 10; n++) {
          const res = await fetch(`${url}/api/v1${paths[(i + n) % paths.length]}`);
          await res.body?.cancel();
        }
      }),
    );
  }
}

/**
 * Kills the last instance once it has claimed the `held` keys (their rows are in the database) and holds
 * their bookings, sent `KILL_AFTER_SECONDS` into the run: keys it will never settle, which a retry on
 * another instance must take over and carry out once.
 */
async function killLast(run: Run, instances: TestServer[], db: string, held: { key: string }[], started: number): Promise<string> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const keys = held.map((h) => h.key);
  const claimed = async () => (await client.query('SELECT count(*)::int AS n FROM idempotency WHERE key = ANY($1)', [keys])).rows[0].n as number;
  try {
    await sleep(KILL_AFTER_SECONDS * 1000);
    while ((await claimed()) < held.length && performance.now() < run.cutoff) await sleep(20);
    const holding = await claimed();
    const inFlight = run.keyedInFlight.at(-1) ?? 0;
    const at = (performance.now() - started) / 1000;
    const server = instances.at(-1) as TestServer;
    await server.signal('SIGKILL');
    // Gone: nothing to stop at the end.
    servers.splice(servers.indexOf(server), 1);
    return (
      `instance ${instances.length} killed (SIGKILL) at ${at.toFixed(1)} s, holding ${holding} of ${held.length} bookings whose keys it had claimed, ` +
      `with ${inFlight} keyed writes in flight on it; its visitors went on to the others`
    );
  } finally {
    await client.end();
  }
}

const columns: [string, number][] = [
  ['mode', 11],
  ['instances', 16],
  ['req/s', 6],
  ['p50 ms', 6],
  ['p99 ms', 6],
  ['429', 4],
  ['bookings made', 18],
  ['overbooked', 10],
  ['duplicated', 10],
  ['lost', 4],
  ['5xx', 4],
];
const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(columns[i]?.[1] ?? 0) : cell.padStart(columns[i]?.[1] ?? 0))).join('  ');
const cellsOf = (r: Row) => [
  r.mode,
  r.instances,
  fmt(r.perSecond),
  fmt(r.p50),
  fmt(r.p99),
  String(r.refused429),
  `${r.verdict.live} of ${SEATS} (${r.verdict.paid} paid)`,
  String(r.verdict.overbooked),
  String(r.verdict.duplicated),
  String(r.verdict.lost),
  String(r.errors5xx),
];

async function main(): Promise<number> {
  const startedAt = performance.now();
  const sqliteFile = join(dir, 'one.db');
  const [sqlite, cluster] = await Promise.all([start(sqliteFile, 1), startPostgres({ durable: true })]);
  postgres = cluster;
  console.log(
    `Load: ${VISITORS} visitors at once, each one whole visit, then more for ${VISIT_SECONDS} s (no call starts after ${CUTOFF_SECONDS} s). ` +
      `A visit: catalog, availability, 3 quotes, availability, a booking of one of the ${SEATS / CAPACITY} seatings on ${HOT_DATES.join(' and ')} ` +
      `(sent twice at once with one Idempotency-Key, to its instance and the next), the deposit when booked, the booking. ` +
      `Each visitor its own address (X-Forwarded-For, TEPPAN_TRUST_PROXY=1); rate limits on. Retries as the SDK's, each to the next instance, given up after ${GIVE_UP_MS / 1000} s.`,
  );
  console.log(
    `Loopback; client, servers and PostgreSQL share this machine's ${availableParallelism()} cores (load average ${loadavg()[0]?.toFixed(1)} at the start; ` +
      `the SQLite server and a PostgreSQL cluster up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s).\n`,
  );
  console.log(line(columns.map(([title]) => title)));
  // Each row as soon as its configuration is done, so a run cut short by the deadline still shows something.
  const rows: Row[] = [];
  const report = (row: Row) => {
    rows.push(row);
    console.log(line(cellsOf(row)));
  };

  report(await runVisitors('SQLite file', sqlite));
  const flood = await floodFrom(sqlite[0]?.url ?? '', sqliteFile, HOT_DATES[0] ?? '');
  await stop(sqlite);

  for (const [count, kill] of [
    [1, false],
    [2, false],
    [3, false],
    [3, true],
  ] as const) {
    // A fresh database each: the instances start together on it and make its schema once between them.
    const { url } = await freshDatabase(cluster.url);
    const instances = await start(url, count, kill);
    report(await runVisitors('PostgreSQL', instances, kill ? url : undefined));
    await stop(instances.filter((s) => servers.includes(s)));
  }

  console.log('');
  for (const note of rows.flatMap((r) => r.notes)) console.log(note);
  console.log('');
  for (const text of flood.lines) console.log(text);

  const failed = rows.filter((r) => r.verdict.overbooked || r.verdict.duplicated || r.verdict.lost || r.errors5xx);
  for (const r of failed)
    console.error(`FAILED (${r.mode} ×${r.instances}): ${[...r.verdict.causes, ...(r.errors5xx ? [`${r.errors5xx} × 5xx`] : [])].join('; ')}`);
  return failed.length || flood.overAllowance ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} finally {
  await stopAll();
  clearTimeout(deadline);
  removeFiles();
}
process.exit(code);
