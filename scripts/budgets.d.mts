export interface Budgets {
  loader: number;
  firstLoad: Record<string, number>;
  widgetChunk: number;
}
export declare const BUDGETS: Budgets;
export declare function budgetProblems(budgets: Pick<Budgets, 'firstLoad'>, widgets: readonly string[]): string[];
