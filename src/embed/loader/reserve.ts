import type { ReserveStep } from '../../widgets/specs.ts';

/**
 * A widget's reserved size as CSS for the slot (`.s`) inside its size container
 * (the element), written into the loader by the build. Widest step first; each
 * later one applies below the width where the one before it starts.
 */
export const reserveCss = (steps: readonly ReserveStep[]): string =>
  steps.map(([, height], i) => (i ? `@container (width<${steps[i - 1]?.[0]}em){.s{min-height:${height}em}}` : `.s{min-height:${height}em}`)).join('');
