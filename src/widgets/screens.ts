/**
 * A widget's first screen may depend on its page: the booking form starts at the
 * quote's seatings when it is given a quote, at a short prompt when the page has a
 * quote calculator of its own, and at the calculator itself when it has none.
 * Whatever shows first must fit the space reserved before any code arrives, so the
 * choice is made from what the embed's loader can see at that moment (the element's
 * attributes, the page URL, the page's other widgets), by this one function: the
 * loader reserves the screen it picks, and the widget starts on the same one.
 * Free of React and of every spec: the loader carries it.
 */
import type { ReserveStep } from './specs.ts';

/** Heights by width, widest first (as a spec's `reserve`). */
export type Reserve = readonly [ReserveStep, ...ReserveStep[]];

/** When a screen is the first: any one of these holds. */
export interface ScreenCondition {
  /** The element has this attribute; in React, the prop it becomes is set. */
  attribute?: string;
  /** The page URL has this parameter, with a value. */
  param?: string;
  /** The page has this widget too (its element, or a mounted React component; not one shown inside another widget). */
  beside?: string;
}

/** A first screen other than the one a spec's `reserve` is measured on. */
export interface ScreenSpec {
  /** Names the screen to the widget (`useFirstScreen`) and to the reserve's CSS. */
  name: string;
  when: ScreenCondition;
  /** Measured on this screen, as `reserve` is on the default one. */
  reserve: Reserve;
}

/** What the layer above knows of the page, for each kind of condition (named as in `ScreenCondition`). */
export interface PageFacts {
  attribute(name: string): boolean;
  param(name: string): boolean;
  beside(widget: string): boolean;
}

/**
 * The widget's first screen: the first of its `screens` whose condition holds, else `''` (the one its `reserve` is
 * measured on).
 */
export function firstScreen(spec: { screens?: readonly Pick<ScreenSpec, 'name' | 'when'>[] | undefined }, facts: PageFacts): string {
  // By entries: the loader carries this, and a condition's kinds are the facts' own names.
  return spec.screens?.find(({ when }) => Object.entries(when).some(([kind, name]) => facts[kind as keyof PageFacts](name)))?.name ?? '';
}

/** The page URL has `name` with a value (`?quote=` alone does not count: the funnel reads no id from it). */
export const urlHasParam = (search: string, name: string) => !!new URLSearchParams(search).get(name);

type Screened = { reserve: Reserve; screens?: readonly ScreenSpec[] | undefined };

/** The reserve of a screen (`''`: the spec's own). */
export const reserveOf = (spec: Screened, screen: string): Reserve => spec.screens?.find((s) => s.name === screen)?.reserve ?? spec.reserve;

/** A screen's height at full width, for the React components' own skeletons and frames (`minHeight` of the default screen). */
export const screenMinHeight = (spec: Screened, screen: string) => `${reserveOf(spec, screen)[0][1]}em`;
