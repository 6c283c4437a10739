import { type ReactNode, useId } from 'react';
import { minHeight, type WidgetSpec } from './specs';

export interface WidgetFrameProps {
  spec: WidgetSpec;
  /** The widget's own class, e.g. `teppan-booking`. */
  className: string;
  heading: string;
  children: ReactNode;
}

/** A widget's outer frame: the `root` part, the height its spec reserves, and the heading that names it. */
export function WidgetFrame({ spec, className, heading, children }: WidgetFrameProps) {
  const titleId = useId();
  return (
    <section className={`teppan-root ${className}`} part="root" aria-labelledby={titleId} style={{ minHeight: minHeight(spec) }}>
      <h2 className="teppan-heading" id={titleId} part="heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}
