// size-budgets.json, and the check that it budgets exactly the widgets there are.
import { readFileSync } from 'node:fs';

/**
 * Budgets, gzip bytes, from size-budgets.json (its `why` says how they are set). The build fails past
 * them: a kB of runtime is paid by every visitor of every site. Raise one only on purpose, in its own commit.
 */
export const BUDGETS = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));

/**
 * Every widget needs its first-load budget, and every budget its widget: one sentence per widget without one
 * and per budget naming no widget (a widget renamed or removed). Empty when they match.
 */
export function budgetProblems(budgets, widgets) {
  const budgeted = Object.keys(budgets.firstLoad);
  return [
    ...widgets.filter((w) => !budgeted.includes(w)).map((w) => `Widget ${w} has no first-load budget: add "${w}" to firstLoad in size-budgets.json.`),
    ...budgeted.filter((b) => !widgets.includes(b)).map((b) => `size-budgets.json budgets a first load for "${b}", which is no widget: remove or rename it.`),
  ];
}
