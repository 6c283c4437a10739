import { type ReactNode, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { firstScreen, urlHasParam } from '../widgets/screens';
import { FirstScreenContext } from '../widgets/slots';
import { camelCase, type WidgetSpec } from '../widgets/specs';

/**
 * The widgets a React page shows, by name: each lazy export counts itself while it
 * is mounted (before its code arrives, as the embed's loader counts its elements).
 * A widget whose first screen depends on the page's other widgets reads it
 * (src/widgets/screens.ts): a QuoteCalculator mounted later turns a BookingForm's
 * calculator in place into a prompt pointing to it. One per page, shared by every
 * TeppanProvider on it, like the page. Widgets shown inside another do not count.
 */
const counts = new Map<string, number>();
let present: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function count(name: string, by: 1 | -1) {
  const n = (counts.get(name) ?? 0) + by;
  if (n > 0) counts.set(name, n);
  else counts.delete(name);
  if (counts.size === present.size && [...present].every((name) => counts.has(name))) return;
  present = new Set(counts.keys());
  for (const listener of listeners) listener();
}

const NONE: ReadonlySet<string> = new Set();
const noSubscription = () => () => {};

/**
 * A React widget on the page: counted while mounted, and started on the first screen its page calls for, from
 * what React knows of it (its props, the URL, the page's other widgets), as the embed's loader picks it from the
 * element's attributes, the URL and the page's elements. Inside another widget (`inline`), neither.
 */
export function OnPage({ spec, props, children }: { spec: WidgetSpec; props: { inline?: boolean }; children?: ReactNode }) {
  const counted = !props.inline;
  useLayoutEffect(() => {
    if (!counted) return;
    count(spec.name, 1);
    return () => count(spec.name, -1);
  }, [spec.name, counted]);
  // None on a server, which cannot know, nor in the first render, which hydration makes match the server's; then
  // the page's, read and followed from a layout effect: the first frame painted already starts on the right screen.
  const [widgets, setWidgets] = useState(NONE);
  useLayoutEffect(() => {
    const follow = () => setWidgets(present);
    follow();
    listeners.add(follow);
    return () => {
      listeners.delete(follow);
    };
  }, []);
  const search = useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => '',
  );
  if (!counted) return children;
  const screen = firstScreen(spec, {
    attribute: (name) => (props as Record<string, unknown>)[camelCase(name)] != null,
    param: (name) => urlHasParam(search, name),
    beside: (widget) => widgets.has(widget),
  });
  return <FirstScreenContext.Provider value={screen}>{children}</FirstScreenContext.Provider>;
}
