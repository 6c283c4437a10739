import type { Language } from '../core/i18n/locale.ts';
import { bookingSpec } from './booking/spec.ts';
import { chatSpec } from './chat/spec.ts';
import { manageSpec } from './manage/spec.ts';
import { paymentSpec } from './payment/spec.ts';
import { quoteSpec } from './quote/spec.ts';
import type { ScreenSpec } from './screens.ts';

/** How an attribute's text becomes a prop: as it is, a finite number, or present and not "false". */
export type AttributeType = 'string' | 'number' | 'boolean';

/** A text in each language the widgets speak: a language without its text fails `tsc` (src/core/i18n/locale.ts). */
export type Texts = Readonly<Record<Language, string>>;

/** One step of a reservation: from this width on, this height (both in em of the widget's own font size). */
export type ReserveStep = readonly [fromWidthEm: number, heightEm: number];

/**
 * What the loader, the build and the React exports know of a widget without
 * loading it. Each widget's folder holds its own (`spec.ts`), free of React:
 * the loader reads it. Adding a widget is adding its folder, listing its spec
 * in `WIDGET_SPECS`, and its React export (src/react/widgetExports.ts).
 */
export interface WidgetSpec {
  /** Its folder under src/widgets/, its element (`teppan-<name>`), its chunk, `Teppan('preload', name)` and its size budget (size-budgets.json, required). */
  name: string;
  /**
   * Its build entry: the module in its folder whose default export is the widget's component
   * (`./QuoteCalculator.tsx`). The embed builds a chunk from it; the loader never sees it.
   */
  entry: `./${string}.tsx`;
  /**
   * What it is, as it reads inside a sentence, article included ("the quote calculator", "el cotizador": a Spanish
   * article agrees with its noun): for "Loading …", "Show …" and "Try again: … didn’t load".
   */
  label: Texts;
  /** The element's attributes: the kebab-case of the component's props. */
  attributes: Readonly<Record<string, AttributeType>>;
  /**
   * The space the widget takes before its code and data arrive, so the page
   * never shifts: measured on its first screen in Chromium from 256 to 1120 px
   * wide (scripts/measure-reserves.mjs), rounded up. Widest first; narrow
   * widgets stack their columns and grow taller.
   */
  reserve: readonly [ReserveStep, ...ReserveStep[]];
  /**
   * A widget whose first screen depends on its page: its other first screens, each with when it starts there and
   * its own reserve; the first that holds wins, else the screen `reserve` is measured on (src/widgets/screens.ts).
   */
  screens?: readonly ScreenSpec[];
  /**
   * A page event after which the element is needed now, whatever its `loading`:
   * it loads at once and scrolls into view, unless `unlessAttribute` pins it to something else.
   */
  wakeOn?: { event: string; unlessAttribute?: string };
  /**
   * The attribute (one of `attributes`) that tells apart several elements of
   * this kind on one page. When it is absent the element fills it in from its
   * `id`, else from its position among its kind if it is not the first.
   */
  instanceAttribute?: string;
  /**
   * A widget that waits behind a button (the chat): the element draws this
   * button itself, at once and without React, and reserves no space. Hovering
   * or focusing it prefetches the code; pressing it loads the widget, opened.
   * The element's `open` attribute then opens and closes it.
   */
  launcher?: { name: Texts; text: Texts };
  /**
   * It calls the API in its first render (beyond the catalog, which the embed
   * loader fetches): the embed build makes its chunk import the HTTP client's
   * axios half (src/core/http/axios-client.ts), so it downloads with the
   * widget's code. Without it (the quote calculator, the chat) the embed
   * imports it once the page is idle, or at the first call: the `http` chunk,
   * ~18 kB gzip, is then not part of the first load.
   */
  callsApiOnMount?: boolean;
}

/**
 * The registry: every widget the embed defines, the build bundles (an entry and a size budget each) and
 * the React entry exports. A widget is registered here and nowhere else.
 */
export const WIDGET_SPECS: readonly WidgetSpec[] = [quoteSpec, bookingSpec, paymentSpec, chatSpec, manageSpec];

/** An attribute's prop: its camelCase (`quote-id` → `quoteId`), as the embed hands attributes to widgets. */
export const camelCase = (attribute: string) => attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A widget's element: `teppan-` and its name, always (so the loader carries no second copy of each name). */
export const tagOf = (spec: WidgetSpec) => `teppan-${spec.name}`;
