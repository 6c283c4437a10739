import { type ReactNode, useId } from 'react';
import { screenMinHeight } from './screens';
import type { WidgetSpec } from './specs';

export interface WidgetFrameProps {
  spec: WidgetSpec;
  /** The widget's own class, e.g. `teppan-booking`. */
  className: string;
  heading: string;
  /** The first screen it shows (src/widgets/screens.ts), whose reserve is its height; the spec's own when left out. */
  screen?: string;
  /**
   * Shown inside another widget's frame (the booking form's calculator in place): no frame, reserve or `root` part
   * of its own (its class gets `--inline`), and its heading a level below the host widget's.
   */
  inline?: boolean;
  /**
   * The language it speaks (BCP 47, its `useMessages` locale's tag), for screen readers' voices and hyphenation:
   * it may differ from the host page's. Left out, it inherits the page's.
   */
  lang?: string;
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
export function WidgetFrame({ spec, className, heading, screen = '', inline = false, lang, children }: WidgetFrameProps) {
  const titleId = useId();
  const Heading = inline ? 'h3' : 'h2';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> would make the whole widget one form control group (its `disabled` reaching every control, its name a <legend> before the heading); the group only names the widget.
    <div
      className={inline ? `${className} ${className}--inline` : `teppan-root ${className}`}
      part={inline ? undefined : 'root'}
      role="group"
      aria-labelledby={titleId}
      lang={lang}
      style={inline ? undefined : { minHeight: screenMinHeight(spec, screen) }}
    >
      <Heading className="teppan-heading" id={titleId} part="heading">
        {heading}
      </Heading>
      {children}
    </div>
  );
}
