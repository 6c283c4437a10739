import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Verdict = 'held' | 'broke' | 'pending';

export interface CellResult {
  row: string;
  column: string;
  verdict: Verdict;
  /** How it held: it completed by itself, or the visitor was told and took the retry offered. */
  outcome?: 'done' | 'retried';
  /** From the cell's setup to its verdict. */
  seconds?: number;
  /** Why it broke, or why it is pending. */
  note?: string;
}

export const REPORT = '.test-results/fault-matrix.json';

const mark = (c: CellResult | undefined) =>
  !c ? 'not run' : c.verdict === 'held' ? (c.outcome === 'retried' ? '✓ retry' : '✓') : c.verdict === 'broke' ? '✗' : 'pending';

/** Rows × columns as a table with the tally line; the same as JSON in `REPORT`, which the README quotes. */
export function summarize(rows: { id: string; label: string }[], columns: { id: string; label: string }[], cells: CellResult[], seconds: number) {
  const find = (r: string, c: string) => cells.find((x) => x.row === r && x.column === c);
  const width = Math.max(...rows.map((r) => r.label.length));
  const widths = columns.map((c) => Math.max(c.label.length, 'pending'.length));
  const line = (head: string, parts: string[]) => `${head.padEnd(width)} | ${parts.map((p, i) => p.padEnd(widths[i] ?? 0)).join(' | ')}`.trimEnd();
  const tried = cells.filter((c) => c.verdict !== 'pending');
  const held = tried.filter((c) => c.verdict === 'held').length;
  const tally = `fault matrix: ${held} held / ${tried.length} tried`;
  const table = [
    line(
      '',
      columns.map((c) => c.label),
    ),
    ...rows.map((r) =>
      line(
        r.label,
        columns.map((c) => mark(find(r.id, c.id))),
      ),
    ),
    '',
    '✓ held by itself · ✓ retry: the visitor was told, and the retry offered made exactly one · ✗ broke',
    tally,
    `(${cells.length - tried.length} pending; ${seconds} s)`,
    ...cells.filter((c) => c.note).map((c) => `  ${c.row} × ${c.column}: ${c.verdict}: ${c.note}`),
  ].join('\n');
  mkdirSync(dirname(REPORT), { recursive: true });
  const json = {
    held,
    tried: tried.length,
    pending: cells.length - tried.length,
    summary: tally,
    seconds,
    rows: rows.map(({ id, label }) => ({ id, label })),
    columns: columns.map(({ id, label }) => ({ id, label })),
    cells,
  };
  writeFileSync(REPORT, `${JSON.stringify(json, null, 2)}\n`);
  return { table, tally };
}
