// The load bench's flood: one address sending quotes as fast as it can, then guessing keys, against the
// SQLite server. Refused early, and the quotes stored stay within the write allowance.
import Database from 'better-sqlite3';
import { LIMITS } from '../../server/http/rate-limit';
import { PK } from './visit';

/** Issue 9 stored 20,000 quotes sent in 9 s: the flood sends as many as it can for as long. */
const FLOOD_SECONDS = 9;
const GUESSES = 2_000;
/** Requests in flight at once from the one flooding address, as a script would send them. */
const FLOOD_CONCURRENCY = 64;
const FLOODER = { 'x-forwarded-for': '10.250.0.1' };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Up to `total` requests for at most `seconds`, `FLOOD_CONCURRENCY` at a time: how each was answered, and how long it took. */
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

/** Floods the server at `url`, whose SQLite file is `dbFile`: the lines to print, and whether it stored more than it may. */
export async function floodFrom(url: string, dbFile: string, eventDate: string): Promise<{ lines: string[]; overAllowance: boolean }> {
  const db = new Database(dbFile, { readonly: true });
  const storedQuotes = () => (db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n;
  const before = storedQuotes();
  const quotes = await flood(Number.POSITIVE_INFINITY, FLOOD_SECONDS, () =>
    fetch(`${url}/api/v1/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, ...FLOODER },
      body: JSON.stringify({ adults: 10, eventDate, zip: '90012' }),
    }),
  );
  const stored = storedQuotes() - before;
  db.close();
  const { burst, perMinute } = LIMITS['address-write'];
  const allowance = burst + (perMinute / 60) * (quotes.seconds + 1);
  const guesses = await flood(GUESSES, 5, () => fetch(`${url}/api/v1/catalog`, { headers: { authorization: 'Bearer pk_test_guess', ...FLOODER } }));
  const count = (m: Map<number, number>, status: number) => fmt(m.get(status) ?? 0);
  const others = (m: Map<number, number>, known: number[]) =>
    [...m]
      .filter(([s]) => !known.includes(s))
      .map(([s, n]) => `, ${fmt(n)} × ${s || 'no answer'}`)
      .join('');
  const lines = [
    `Flood from one address (SQLite file): ${fmt(quotes.sent)} quotes in ${quotes.seconds.toFixed(1)} s: ${count(quotes.statuses, 201)} stored (201), ` +
      `${count(quotes.statuses, 429)} refused (429)${others(quotes.statuses, [201, 429])}; ` +
      `${fmt(stored)} new quotes in the database (write allowance: ${burst} at once + ${perMinute / 60}/s → at most ${fmt(allowance)}).`,
    `Bad-key guesses from one address: ${fmt(guesses.sent)} in ${guesses.seconds.toFixed(1)} s: ${count(guesses.statuses, 401)} answered (401), ` +
      `${count(guesses.statuses, 429)} refused (429)${others(guesses.statuses, [401, 429])}.`,
  ];
  if (stored > allowance) lines.push(`The flood stored ${stored} quotes, more than the write allowance (${fmt(allowance)}).`);
  return { lines, overAllowance: stored > allowance };
}
