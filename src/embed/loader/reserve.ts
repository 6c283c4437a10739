import type { ReserveStep } from '../../widgets/specs.ts';

/**
 * A reserved size as CSS for the slot (`.s`, or `selector`: the slot showing one of a widget's first screens) inside
 * its size container (the element), written into the loader by the build. Widest step first; each later one applies
 * below the width where the one before it starts.
 */
export const reserveCss = (steps: readonly ReserveStep[], selector = '.s'): string =>
  steps
    .map(([, height], i) => (i ? `@container (width<${steps[i - 1]?.[0]}em){${selector}{min-height:${height}em}}` : `${selector}{min-height:${height}em}`))
    .join('');
