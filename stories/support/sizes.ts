import { currentChunks, type Size, type SizesReport } from '../../scripts/size-compare.mjs';

// Read when Storybook is built (or served): a glob, so a missing file leaves it empty instead of failing the build.
const found = import.meta.glob<SizesReport>('../../dist/reports/sizes.json', { eager: true, import: 'default' });

/** The last `npm run build`'s sizes, or undefined when there was none before Storybook was built. */
export const sizes: SizesReport | undefined = Object.values(found)[0];

export interface WidgetCost {
  /** Before the widget is visible: the loader, which holds its place. */
  loader: Size;
  /** A page's first widget: the loader, the shared runtime and this widget's chunk. */
  firstLoad: Size;
  /** When another widget already loaded the runtime: this widget's chunk alone. */
  chunk: Size;
  /** Its other languages (English is inline), by code: that language's messages chunk, and the first load with it. */
  languages: Record<string, { chunk: Size; firstLoad: Size }>;
}

/** What one widget costs a page, from the build's sizes; undefined when the build did not measure it. */
export function widgetCost(widget: string, report = sizes): WidgetCost | undefined {
  const firstLoad = report?.firstLoad?.[widget];
  const chunk = report && currentChunks(report)[widget];
  if (!report?.loader || !firstLoad || !chunk) return undefined;
  const languages = Object.fromEntries(Object.entries(report.languages?.[widget] ?? {}).map(([code, l]) => [code, { chunk: l.chunk, firstLoad: l }]));
  return { loader: report.loader, firstLoad, chunk, languages };
}

/** `es` → `Spanish`. */
export const languageName = (code: string) => new Intl.DisplayNames('en', { type: 'language' }).of(code) ?? code;

export const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
