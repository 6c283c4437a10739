import { expect, test } from '@playwright/test';
import type { Seen } from './fault-matrix/admin';
import { COLUMNS, type Column } from './fault-matrix/columns';
import { type CellResult, record, summarize } from './fault-matrix/report';
import { type Action, type Env, ROWS, type Row } from './fault-matrix/rows';

/**
 * The fault matrix: every action that changes something (rows) under every
 * fault (columns), in Chromium against the real server with chaos on. A cell
 * holds when the server has exactly one record (none where the visitor was told
 * it failed, until the offered retry makes exactly one), the page tells the
 * truth (success only once the record exists; otherwise a clear failure or
 * "not known yet" with a retry; never blank, never spinning forever), and
 * nothing typed is lost.
 */

type Outcome = NonNullable<CellResult['outcome']>;

/**
 * Cells where, by design, the visitor is told it failed and presses the
 * offered retry; every other cell completes by itself.
 */
const TOLD_AND_RETRIED: Record<string, string> = {
  'pay-start × offline': 'money moves only on a press of "Pay deposit": back online, the visitor presses it again',
  'pay-start × reload': 'card details are never kept on the device: after a reload they are typed again',
  'lead × offline': 'the form says it could not reach the team and keeps every field; the visitor sends it again',
};

interface Cell {
  row: Row;
  column: Column;
  expected: Outcome;
  /** Its own day in the booking window, clear of the e2e suites' days. */
  offset: number;
}

const MATRIX: Cell[] = ROWS.flatMap((row, r) =>
  COLUMNS.map((column, c) => ({
    row,
    column,
    expected: TOLD_AND_RETRIED[`${row.id} × ${column.id}`] ? 'retried' : 'done',
    offset: 100 + r * COLUMNS.length + c,
  })),
);

const nameOf = (cell: Cell) => `Matrix ${cell.row.id} ${cell.column.id}`.replace(/[^\w ]/g, ' ');

/** What the page settled on: a claim of success, of failure, or an honest "not known yet". */
async function settled(a: Action, timeout: number): Promise<'success' | 'failure' | 'unsure'> {
  const any = a.unsure ? a.success.or(a.failure).or(a.unsure) : a.success.or(a.failure);
  await expect(any.first(), 'the page settles: success, or a failure with a way on').toBeVisible({ timeout });
  if (await a.failure.first().isVisible()) return 'failure';
  if (a.unsure && (await a.unsure.first().isVisible())) return 'unsure';
  return 'success';
}

/** Every attempt of one intent carried the same Idempotency-Key. */
function oneKey(requests: Seen[]) {
  expect(requests.length, 'the action reached the server').toBeGreaterThan(0);
  expect(new Set(requests.map((r) => r.idempotencyKey ?? 'none'))).toEqual(new Set([requests[0]?.idempotencyKey ?? 'missing']));
}

async function runCell(cell: Cell, env: Env): Promise<Outcome> {
  const a = await cell.row.prepare(env, { name: nameOf(cell), offset: cell.offset });
  const { reloaded } = await cell.column.apply(a, env, cell.row);
  const shown = await settled(a, cell.column.settleMs(cell.row));
  let outcome: Outcome = 'done';
  if (shown !== 'success') {
    if (shown === 'failure') expect(await a.count(), 'told it failed, so nothing may exist yet').toBe(0);
    await a.checkKept(reloaded);
    await a.retry();
    await expect(a.success, 'the offered retry completes').toBeVisible({ timeout: 30_000 });
    outcome = 'retried';
  }
  // Success is claimed: exactly one record, holding what was typed.
  await a.checkRecord();
  const requests = await a.requests();
  oneKey(requests);
  cell.column.checkRequests?.(requests);
  await a.checkRequests?.(cell.column.id);
  expect(outcome, TOLD_AND_RETRIED[`${cell.row.id} × ${cell.column.id}`] ?? 'completes without the visitor').toBe(cell.expected);
  return outcome;
}

/** Runs one cell and writes its verdict down, whatever happens. */
async function runAndRecord(cell: Cell, env: Env) {
  const started = Date.now();
  const base = { row: cell.row.id, column: cell.column.id };
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  try {
    const outcome = await runCell(cell, env);
    record({ ...base, verdict: 'held', outcome, seconds: seconds() });
  } catch (error) {
    // Playwright colours its messages: the note keeps the words.
    const note = String((error as Error).message ?? error)
      .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
      .split('\n')
      .find((l) => l.trim())
      ?.trim();
    record({ ...base, verdict: 'broke', seconds: seconds(), ...(note ? { note } : {}) });
    throw error;
  }
}

function pendingCell(cell: Cell): boolean {
  if (!cell.row.pending) return false;
  record({ row: cell.row.id, column: cell.column.id, verdict: 'pending', note: cell.row.pending });
  test.info().annotations.push({ type: 'pending', description: cell.row.pending });
  return true;
}

test.afterAll(() => {
  console.log(`\n${summarize(ROWS, COLUMNS)}\n`);
});

// Cells run one at a time: each arms its fault, and clears the server's faults and request log first.
for (const cell of MATRIX.filter((c) => c.column.id !== 'timeout')) {
  test(`${cell.row.label} × ${cell.column.label}`, async ({ page, context, request }) => {
    test.skip(pendingCell(cell), cell.row.pending);
    test.setTimeout(90_000);
    await request.delete('/__chaos');
    await runAndRecord(cell, { page, context, request });
  });
}

// The timeout column waits out each call's own timeout (45–60 s): its cells run side by side, each in
// its own browser context and aimed at its own route, so the column costs its longest cell, not their sum.
test('every row × (e) past timeout, side by side', async ({ browser, request }) => {
  const cells = MATRIX.filter((c) => c.column.id === 'timeout' && !pendingCell(c));
  test.setTimeout(Math.max(...cells.map((c) => c.column.settleMs(c.row))) + 90_000);
  await request.delete('/__chaos');
  const baseURL = test.info().project.use.baseURL;
  const results = await Promise.allSettled(
    cells.map(async (cell) => {
      const context = await browser.newContext({ baseURL });
      try {
        await runAndRecord(cell, { page: await context.newPage(), context, request });
      } finally {
        await context.close();
      }
    }),
  );
  const broke = results.flatMap((r, i) => (r.status === 'rejected' ? [`${cells[i]?.row.label}: ${(r.reason as Error).message}`] : []));
  expect(broke).toEqual([]);
});
