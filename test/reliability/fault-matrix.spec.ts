import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { COLUMNS, type Column } from './fault-matrix/columns';
import { begin, type CellResult, record, summarize } from './fault-matrix/report';
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
 * A column runs its rows side by side, each row a visitor of its own (a browser
 * context) aiming its fault at its own request, so the matrix costs its slowest
 * row per column, not the sum of its cells: the timeout column alone waits out
 * a 60 s payment timeout.
 */

type Outcome = NonNullable<CellResult['outcome']>;

/** Cells where, by design, the visitor is told and presses the retry offered; every other cell completes by itself. */
const TOLD_AND_RETRIED: Record<string, string> = {
  'pay-start × offline': 'money moves only on a press of "Pay deposit": back online, the visitor presses it again',
  'pay-start × reload': 'card details are never kept on the device: after a reload they are typed again',
};
const expectedOf = (row: Row, column: Column): Outcome => (TOLD_AND_RETRIED[`${row.id} × ${column.id}`] ? 'retried' : 'done');

/** Each cell books a day of its own, clear of the e2e suites' days (20–70). */
const offsetOf = (row: Row, column: Column) => 100 + ROWS.indexOf(row) * COLUMNS.length + COLUMNS.indexOf(column);
const nameOf = (row: Row, column: Column) => `Matrix ${row.id} ${column.id}`.replace(/[^\w ]/g, ' ');

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
async function runCell(row: Row, column: Column, a: Action, env: Env): Promise<Outcome> {
  const since = Date.now();
  const { reloaded } = await column.apply(a, env, row);
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
  const requests = await a.requests(since);
  expect(requests.length, 'the action reached the server').toBeGreaterThan(0);
  expect(new Set(requests.map((r) => r.idempotencyKey ?? 'none')).size, 'every attempt carried the same Idempotency-Key').toBe(1);
  expect(requests[0]?.idempotencyKey, 'the action carried an Idempotency-Key').toBeDefined();
  column.checkRequests?.(requests);
  await a.checkRequests?.(column.id, since);
  expect(outcome, TOLD_AND_RETRIED[`${row.id} × ${column.id}`] ?? 'completes without the visitor').toBe(expectedOf(row, column));
  return outcome;
}

/** Playwright colours its messages: the note keeps the first line's words. */
const noteOf = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? 'failed';

/** Every row of one column, side by side; each cell's verdict written down whatever happens. */
async function runColumn(column: Column, browser: Browser, request: APIRequestContext) {
  const baseURL = test.info().project.use.baseURL;
  const rows = ROWS.filter((row) => {
    if (row.pending) record({ row: row.id, column: column.id, verdict: 'pending', note: row.pending });
    return !row.pending;
  });
  const contexts = await Promise.all(rows.map(() => browser.newContext({ baseURL })));
  try {
    // Everyone gets to the click first, so no visitor's setup (a held booking made through the API) meets another's fault.
    const ready = await Promise.allSettled(
      rows.map(async (row, i) => {
        const context = contexts[i];
        if (!context) throw new Error('no context');
        const env = { page: await context.newPage(), context, request };
        return { env, action: await row.prepare(env, { name: nameOf(row, column), offset: offsetOf(row, column) }) };
      }),
    );
    const results = await Promise.allSettled(
      rows.map(async (row, i) => {
        const started = Date.now();
        const seconds = () => Math.round((Date.now() - started) / 100) / 10;
        const base = { row: row.id, column: column.id };
        try {
          const prepared = ready[i];
          if (prepared?.status !== 'fulfilled') throw prepared?.reason ?? new Error('not prepared');
          const outcome = await runCell(row, column, prepared.value.action, prepared.value.env);
          record({ ...base, verdict: 'held', outcome, seconds: seconds() });
        } catch (error) {
          record({ ...base, verdict: 'broke', seconds: seconds(), note: noteOf(error) });
          throw error;
        }
      }),
    );
    const broke = results.flatMap((r, i) => (r.status === 'rejected' ? [`${rows[i]?.label}: ${(r.reason as Error).message}`] : []));
    expect(broke, `${column.label}: cells that broke`).toEqual([]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

for (const column of COLUMNS) {
  test(`fault matrix: every action × ${column.label}`, async ({ browser, request }) => {
    // Room for the setup, the slowest row's fault and settling, a retry, and the checks.
    test.setTimeout(Math.max(...ROWS.map((r) => column.settleMs(r))) + 120_000);
    begin();
    await request.delete('/__chaos');
    await runColumn(column, browser, request);
  });
}

test('fault matrix: the table, every cell tried or listed as pending', () => {
  const { table, missing } = summarize(ROWS, COLUMNS);
  console.log(`\n${table}\n`);
  expect(missing, 'cells neither tried nor pending').toEqual([]);
});
