/**
 * The space each widget takes before its code and data arrive, so the page
 * never shifts. Measured on the widgets' first screen (the estimate; the
 * seating step) in Chromium from 320 to 1000 px wide, in em of the widget's
 * own font size, rounded up. Narrow widgets stack their columns and grow
 * taller: each entry is [from this width, this height].
 * (Kept apart from the widgets so the loader can know it without loading them.)
 */
export const WIDGET_RESERVE = {
  quote: [
    [49, 44],
    [36, 58],
    [25, 62],
    [0, 76],
  ],
  booking: [
    [49, 46],
    [41.5, 47],
    [24.5, 52],
    [22, 55],
    [0, 62],
  ],
} as const satisfies Record<string, readonly (readonly [number, number])[]>;

export type WidgetName = keyof typeof WIDGET_RESERVE;

/** The height at full width, for the React components' own skeletons and roots. */
export const WIDGET_MIN_HEIGHT = {
  quote: `${WIDGET_RESERVE.quote[0][1]}em`,
  booking: `${WIDGET_RESERVE.booking[0][1]}em`,
} as const satisfies Record<WidgetName, string>;

/** The reservation as CSS for `.teppan-slot` inside a `.teppan-frame` size container. */
export function reserveCss(name: WidgetName): string {
  const [widest, ...narrower] = WIDGET_RESERVE[name];
  return [
    `.teppan-slot { min-height: ${widest[1]}em; }`,
    ...narrower.map(([, height], i) => {
      const below = (WIDGET_RESERVE[name][i] as readonly [number, number])[0];
      return `@container (max-width: ${below - 0.01}em) { .teppan-slot { min-height: ${height}em; } }`;
    }),
  ].join('\n');
}
