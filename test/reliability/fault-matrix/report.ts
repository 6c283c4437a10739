import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Verdict = 'held' | 'broke' | 'pending';

export interface CellResult {
  row: string;
  column: string;
  verdict: Verdict;
  /** What the page settled on first: it completed by itself, or the visitor was told and retried. */
  outcome?: 'done' | 'retried';
  seconds?: number;
  /** Why it broke, or why it is pending. */
  note?: string;
}

export const REPORT = '.test-results/fault-matrix.json';
const CELLS = '.test-results/fault-matrix.cells.json';

/**
 * Results outlive a worker: Playwright starts a new worker after a failing
 * test, so each cell is written down as it ends. A file from an earlier run
 * (another runner process) is started afresh.
 */
export function record(result: CellResult) {
  const runner = process.ppid;
  let saved: { runner: number; cells: CellResult[] } = { runner, cells: [] };
  if (existsSync(CELLS)) {
    const found = JSON.parse(readFileSync(CELLS, 'utf8')) as typeof saved;
    if (found.runner === runner) saved = found;
  }
  saved.cells = [...saved.cells.filter((c) => c.row !== result.row || c.column !== result.column), result];
  mkdirSync(dirname(CELLS), { recursive: true });
  writeFileSync(CELLS, JSON.stringify(saved));
}

function recorded(): CellResult[] {
  if (!existsSync(CELLS)) return [];
  const found = JSON.parse(readFileSync(CELLS, 'utf8')) as { runner: number; cells: CellResult[] };
  return found.runner === process.ppid ? found.cells : [];
}

const MARK: Record<Verdict, string> = { held: '✓', broke: '✗', pending: 'pending' };

/** Rows × columns as a table, the tally line, and the JSON the README quotes. */
export function summarize(rows: { id: string; label: string }[], columns: { id: string; label: string }[]): string {
  const cells = recorded();
  const find = (r: string, c: string) => cells.find((x) => x.row === r && x.column === c);
  const width = Math.max(...rows.map((r) => r.label.length));
  const colWidth = Math.max(...columns.map((c) => c.label.length));
  const lines = [`${''.padEnd(width)} | ${columns.map((c) => c.label.padEnd(colWidth)).join(' | ')}`];
  for (const r of rows) {
    lines.push(
      `${r.label.padEnd(width)} | ${columns.map((c) => (find(r.id, c.id) ? MARK[find(r.id, c.id)?.verdict ?? 'pending'] : 'not run').padEnd(colWidth)).join(' | ')}`,
    );
  }
  const tried = cells.filter((c) => c.verdict !== 'pending');
  const held = tried.filter((c) => c.verdict === 'held').length;
  const tally = `fault matrix: ${held} held / ${tried.length} tried`;
  lines.push('', tally);
  for (const c of cells.filter((x) => x.note)) lines.push(`  ${c.row} × ${c.column}: ${c.verdict}: ${c.note}`);
  writeFileSync(
    REPORT,
    `${JSON.stringify(
      {
        held,
        tried: tried.length,
        pending: cells.length - tried.length,
        summary: tally,
        rows: rows.map((r) => ({ id: r.id, label: r.label })),
        columns: columns.map((c) => ({ id: c.id, label: c.label })),
        cells,
      },
      null,
      2,
    )}\n`,
  );
  return lines.join('\n');
}
