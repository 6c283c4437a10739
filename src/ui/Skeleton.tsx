import css from './ui.css?inline';
import { useStyles } from './useStyles';

export interface SkeletonProps {
  /** The exact size of what will replace it, so nothing shifts when it arrives. */
  width?: string;
  height: string;
  /** Announced while loading, e.g. "Loading the quote calculator". */
  label: string;
}

/** A placeholder of the real content's size; `role="status"` tells screen readers something is loading. */
export function Skeleton({ width = '100%', height, label }: SkeletonProps) {
  useStyles(css);
  // Sizes go through the style prop (CSSOM), which a strict CSP allows, unlike a style attribute in HTML.
  return <span className="teppan-skeleton" role="status" aria-label={label} style={{ width, height }} />;
}
