import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Verdict = 'held' | 'broke' | 'pending';

export interface CellResult {
  row: string;
  column: string;
  verdict: Verdict;
  /** How it held: it completed by itself, or the visitor was told and took the retry offered. */
  outcome?: 'done' | 'retried';
  seconds?: number;
  /** Why it broke, or why it is pending. */
  note?: string;
}

export const REPORT = '.test-results/fault-matrix.json';
const CELLS = '.test-results/fault-matrix.cells.json';

interface Saved {
  /** The Playwright runner process: workers come and go, it stays for the run. */
  runner: number;
  started: number;
  cells: CellResult[];
}

/**
 * Results outlive a worker: Playwright starts a new worker after a failing
 * test, so each cell is written down as it ends. A file left by an earlier
 * run (another runner process) is started afresh.
 */
function load(): Saved {
  const fresh = { runner: process.ppid, started: Date.now(), cells: [] };
  if (!existsSync(CELLS)) return fresh;
  const found = JSON.parse(readFileSync(CELLS, 'utf8')) as Saved;
  return found.runner === process.ppid ? found : fresh;
}

function save(saved: Saved) {
  mkdirSync(dirname(CELLS), { recursive: true });
  writeFileSync(CELLS, JSON.stringify(saved));
}

/** The matrix's clock starts with its first column. */
export const begin = () => save(load());

export function record(result: CellResult) {
  const saved = load();
  save({ ...saved, cells: [...saved.cells.filter((c) => c.row !== result.row || c.column !== result.column), result] });
}

const mark = (c: CellResult | undefined) =>
  !c ? 'not run' : c.verdict === 'held' ? (c.outcome === 'retried' ? '✓ retry' : '✓') : c.verdict === 'broke' ? '✗' : 'pending';

/** Rows × columns as a table, the tally line, and the JSON the README quotes. */
export function summarize(rows: { id: string; label: string }[], columns: { id: string; label: string }[]): { table: string; missing: string[] } {
  const { cells, started } = load();
  const seconds = Math.round((Date.now() - started) / 1000);
  const find = (r: string, c: string) => cells.find((x) => x.row === r && x.column === c);
  const width = Math.max(...rows.map((r) => r.label.length));
  const widths = columns.map((c) => Math.max(c.label.length, 'not run'.length));
  const line = (head: string, parts: string[]) => `${head.padEnd(width)} | ${parts.map((p, i) => p.padEnd(widths[i] ?? 0)).join(' | ')}`;
  const lines = [
    line(
      '',
      columns.map((c) => c.label),
    ),
  ];
  for (const r of rows)
    lines.push(
      line(
        r.label,
        columns.map((c) => mark(find(r.id, c.id))),
      ),
    );
  const tried = cells.filter((c) => c.verdict !== 'pending');
  const held = tried.filter((c) => c.verdict === 'held').length;
  const tally = `fault matrix: ${held} held / ${tried.length} tried`;
  lines.push(
    '',
    '✓ held by itself · ✓ retry: the visitor was told and the offered retry made exactly one · ✗ broke',
    tally,
    `(${seconds} s from its first column)`,
  );
  for (const c of cells.filter((x) => x.note)) lines.push(`  ${c.row} × ${c.column}: ${c.verdict}: ${c.note}`);
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(
    REPORT,
    `${JSON.stringify(
      {
        held,
        tried: tried.length,
        pending: cells.length - tried.length,
        summary: tally,
        seconds,
        rows: rows.map((r) => ({ id: r.id, label: r.label })),
        columns: columns.map((c) => ({ id: c.id, label: c.label })),
        cells,
      },
      null,
      2,
    )}\n`,
  );
  const missing = rows.flatMap((r) => columns.filter((c) => !find(r.id, c.id)).map((c) => `${r.id} × ${c.id}`));
  return { table: lines.join('\n'), missing };
}
