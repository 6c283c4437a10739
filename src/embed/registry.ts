import { reserveCss, type WidgetName } from '../widgets/sizes';

/**
 * Every embeddable widget, one entry each: its element, its attributes (the
 * kebab-case of its React props) and what it reserves before it loads. The
 * loader and the runtime both read this; a new widget is a new entry.
 */
export type AttributeType = 'string' | 'number';

export interface WidgetSpec {
  name: WidgetName;
  tag: `teppan-${string}`;
  /** For "Loading the …" and "Load the …". */
  label: string;
  attributes: Readonly<Record<string, AttributeType>>;
  /** CSS reserving the widget's size before it loads, at every width. */
  reserve: string;
  /**
   * A page event after which this element is needed now, whatever its `loading`:
   * a booking form once a quote is chosen on the same page.
   */
  wakeOn?: string;
}

export const WIDGETS: readonly WidgetSpec[] = [
  {
    name: 'quote',
    tag: 'teppan-quote',
    label: 'quote calculator',
    attributes: {
      heading: 'string',
      'default-adults': 'number',
      'default-children': 'number',
      'default-event-date': 'string',
      'default-zip': 'string',
      'booking-url': 'string',
    },
    reserve: reserveCss('quote'),
  },
  {
    name: 'booking',
    tag: 'teppan-booking',
    label: 'booking form',
    attributes: { heading: 'string', 'quote-id': 'string', 'quote-url': 'string', 'draft-id': 'string' },
    reserve: reserveCss('booking'),
    wakeOn: 'teppan:quote',
  },
];

/** Callback props every widget may call, and the DOM events they become. */
export const EVENTS = {
  onReady: 'teppan:ready',
  onQuote: 'teppan:quote',
  onBookingCreated: 'teppan:booking-created',
  onPaymentSucceeded: 'teppan:payment-succeeded',
  onError: 'teppan:error',
} as const;

export const camelCase = (attribute: string) => attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An element's attributes as its widget's props; an attribute that is not a valid number is left out. */
export function propsFromAttributes(spec: WidgetSpec, element: Element): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  for (const [attribute, type] of Object.entries(spec.attributes)) {
    const raw = element.getAttribute(attribute);
    if (raw === null) continue;
    if (type === 'number') {
      const n = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(n)) props[camelCase(attribute)] = n;
    } else {
      props[camelCase(attribute)] = raw;
    }
  }
  return props;
}
