/**
 * The space each widget reserves before its code and data arrive, used by the
 * loading skeleton and by the widget itself, so the page never shifts.
 * (Kept apart from the widgets so the lazy wrappers can know it without loading them.)
 */
export const WIDGET_MIN_HEIGHT = {
  quote: '44em',
  booking: '44em',
} as const;

export type WidgetName = keyof typeof WIDGET_MIN_HEIGHT;
