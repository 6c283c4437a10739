import { camelCase, type WidgetSpec } from '../widgets/specs';

/**
 * An element's attributes as its widget's props. A number that does not parse
 * is left out; a boolean is true when present, unless it says "false".
 */
export function propsFromAttributes(spec: WidgetSpec, element: Element): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {};
  for (const [attribute, type] of Object.entries(spec.attributes)) {
    const raw = element.getAttribute(attribute);
    if (raw === null) continue;
    if (type === 'number') {
      const n = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(n)) props[camelCase(attribute)] = n;
    } else if (type === 'boolean') {
      props[camelCase(attribute)] = raw !== 'false';
    } else {
      props[camelCase(attribute)] = raw;
    }
  }
  return props;
}
