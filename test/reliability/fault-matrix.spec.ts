import { type APIRequestContext, request as api, type BrowserContext, expect, test } from '@playwright/test';
import { seen } from './fault-matrix/admin';
import { COLUMNS, type Column } from './fault-matrix/columns';
import { type CellResult, summarize } from './fault-matrix/report';
import { type Action, type Env, ROWS, type Row } from './fault-matrix/rows';

/**
 * The fault matrix: every action that changes something (rows) under every
 * fault (columns), in Chromium against the real server with chaos on. A cell
 * holds when the server has exactly one record (none while the visitor is told
 * it failed, until the offered retry makes exactly one), every attempt of the
 * intent carried one Idempotency-Key, the page tells the truth (success only
 * once the record exists; otherwise a clear failure or an honest "not known
 * yet", never a spinner forever) and nothing typed is lost.
 *
 * Each cell is a visitor of its own (a page with empty storage, a day of its
 * own to book) whose fault is aimed at its own intent's Idempotency-Key, so cells run
 * side by side: the matrix costs about its slowest cell (a 60 s payment
 * timeout waited out) plus the setups, not the sum of its cells.
 */

type Outcome = NonNullable<CellResult['outcome']>;
interface Cell {
  row: Row;
  column: Column;
}

/** Cells at once. The machine has 2 cores: more only queues the same work in Chromium. */
const CONCURRENCY = 8;

/** Cells where, by design, the visitor is told and presses the retry offered; every other cell completes by itself. */
const TOLD_AND_RETRIED: Record<string, string> = {
  'pay-start × offline': 'money moves only on a press of "Pay deposit": back online, the visitor presses it again',
  'pay-start × reload': 'card details are never kept on the device: after a reload they are typed again',
};
const idOf = ({ row, column }: Cell) => `${row.id} × ${column.id}`;

/** Each cell books a day of its own, clear of the e2e suites' days (20–70). */
const offsetOf = ({ row, column }: Cell) => 100 + ROWS.indexOf(row) * COLUMNS.length + COLUMNS.indexOf(column);
const nameOf = ({ row, column }: Cell) => `Matrix ${row.id} ${column.id}`.replace(/[^\w ]/g, ' ');

/** What the page settled on: a claim of success, of failure, an honest "not known yet", or the form as before (after a reload). */
async function settled(a: Action, reloaded: boolean, timeout: number) {
  const shown = async () => {
    if (await a.success.first().isVisible()) return 'success';
    if (await a.failure.first().isVisible()) return 'failure';
    if (a.unsure && (await a.unsure.first().isVisible())) return 'unsure';
    if (reloaded && (await a.ready?.())) return 'ready';
    return null;
  };
  await expect.poll(shown, { message: 'the page settles: success, or a failure with a way on', timeout, intervals: [250] }).not.toBeNull();
  return await shown();
}

/** One cell, from the click to its verdict. */
async function runCell(cell: Cell, a: Action, env: Env): Promise<Outcome> {
  const { row, column } = cell;
  // Every attempt the page sends for this intent, as it leaves (aborted ones included).
  const keys: string[] = [];
  env.page.on('request', (r) => {
    if (r.method() === a.sends.method && a.sends.url.test(r.url())) keys.push(r.headers()['idempotency-key'] ?? 'none');
  });
  const { key, reloaded } = await column.apply(a, env, row);
  const shown = await settled(a, reloaded, column.settleMs(row));
  let outcome: Outcome = 'done';
  if (shown !== 'success') {
    if (shown !== 'unsure') expect(await a.count(), `the page shows "${shown}", so nothing may exist yet`).toBe(0);
    await a.checkKept(reloaded);
    await a.retry();
    await expect(a.success, 'the offered retry completes').toBeVisible({ timeout: 30_000 });
    outcome = 'retried';
  }
  // Success is claimed: exactly one record, holding what was typed.
  await a.checkRecord();
  expect(key, 'the action carries an Idempotency-Key').not.toBe('');
  expect(new Set(keys), 'every attempt carried the same Idempotency-Key').toEqual(new Set([key]));
  const arrived = await seen(env.request, { key });
  expect(arrived.length, 'the action reached the server').toBeGreaterThan(0);
  column.checkRequests?.(arrived);
  await a.checkRequests?.(column.id, arrived);
  const expected: Outcome = TOLD_AND_RETRIED[idOf(cell)] ? 'retried' : 'done';
  expect(outcome, TOLD_AND_RETRIED[idOf(cell)] ?? 'completes without the visitor').toBe(expected);
  return outcome;
}

/** Playwright colours its messages: the note keeps the first line's words. */
const noteOf = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? 'failed';

/**
 * A cell on a page of its own, judged whatever happens. Cells take turns in a
 * lane's browser context, whose HTTP cache keeps the widgets' code between
 * them; each cell starts with the origin's storage empty and leaves it so.
 */
async function judge(cell: Cell, context: BrowserContext, request: APIRequestContext): Promise<CellResult> {
  const base = { row: cell.row.id, column: cell.column.id };
  if (cell.row.pending) return { ...base, verdict: 'pending', note: cell.row.pending };
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  const page = await context.newPage();
  try {
    const env = { page, context, request };
    const action = await cell.row.prepare(env, { name: nameOf(cell), offset: offsetOf(cell) });
    return { ...base, verdict: 'held', outcome: await runCell(cell, action, env), seconds: seconds() };
  } catch (error) {
    // What the visitor saw when it broke (shadow roots included), beside the report.
    const seen = await page
      .locator('body')
      .ariaSnapshot({ timeout: 5000 })
      .catch(() => 'no page');
    await test.info().attach(`${idOf(cell)}: the page`, { body: seen, contentType: 'text/yaml' });
    return { ...base, verdict: 'broke', seconds: seconds(), note: noteOf(error) };
  } finally {
    await context.setOffline(false);
    await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    await page.close();
  }
}

// A trace records every page of every cell (DOM snapshots, a screencast): on 2 cores that doubles the run.
// To look into a broken cell, run it alone with FAULT_MATRIX=<row>,<column> and --trace on.
test.use({ trace: process.env.FAULT_MATRIX ? 'retain-on-failure' : 'off' });

test('fault matrix: every action × every fault', async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  // A fresh connection per call: a kept-alive one can meet the server closing it as idle (ECONNRESET) while a cell waits.
  const request = await api.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { connection: 'close' } });
  await request.delete('/__chaos');
  const started = Date.now();
  // The slowest cells (past a 45–60 s timeout) first, so the rest run while they wait.
  const only = process.env.FAULT_MATRIX?.split(',') ?? [];
  const queue = COLUMNS.flatMap((column) => ROWS.map((row) => ({ row, column })))
    .filter(({ row, column }) => only.every((id) => id === row.id || id === column.id))
    .sort((a, b) => b.column.settleMs(b.row) - a.column.settleMs(a.row));
  const results: CellResult[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      // No step of a cell waits for ever: a stuck page fails its cell, not the whole run.
      context.setDefaultTimeout(60_000);
      for (let cell = queue.shift(); cell; cell = queue.shift()) results.push(await judge(cell, context, request));
      await context.close();
    }),
  );
  await request.dispose();
  const { table, tally } = summarize(ROWS, COLUMNS, results, Math.round((Date.now() - started) / 1000));
  console.log(`\n${table}\n`);
  expect(
    results.filter((r) => r.verdict === 'broke').map((r) => `${r.row} × ${r.column}: ${r.note}`),
    tally,
  ).toEqual([]);
});
