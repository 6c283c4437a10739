import { type ReactNode, useId } from 'react';
import { minHeight, type WidgetSpec } from './specs';

export interface WidgetFrameProps {
  spec: WidgetSpec;
  /** The widget's own class, e.g. `teppan-booking`. */
  className: string;
  heading: string;
  children: ReactNode;
}

/**
 * A widget's outer frame: the `root` part, the height its spec reserves, and the heading that names it.
 *
 * A named group, not a landmark. Landmarks are the host page's outline: the page already places a
 * widget inside its own `<main>` or section, and cannot see or rename landmarks inside a shadow
 * root, so a widget's landmark would repeat the host's and collide with a second copy of the same
 * widget (two calculators are two landmarks of one name). The heading keeps the widget on a screen
 * reader's list of headings, and the group's name is read when focus enters it from the page, which
 * tells two copies apart by their headings.
 */
export function WidgetFrame({ spec, className, heading, children }: WidgetFrameProps) {
  const titleId = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> would make the whole widget one form control group (its `disabled` reaching every control, its name a <legend> before the heading); the group only names the widget.
    <div className={`teppan-root ${className}`} part="root" role="group" aria-labelledby={titleId} style={{ minHeight: minHeight(spec) }}>
      <h2 className="teppan-heading" id={titleId} part="heading">
        {heading}
      </h2>
      {children}
    </div>
  );
}
