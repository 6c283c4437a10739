import { describe, expect, it } from 'vitest';
import { bookingSpec } from '../../widgets/booking/spec';
import { reserveCss } from './reserve';
import { loaderSpec } from './spec';

describe('reserved size', () => {
  it('steps up as the widget narrows, each step below the width where the one before starts', () => {
    expect(
      reserveCss([
        [49, 44],
        [36, 58],
        [0, 76],
      ]),
    ).toBe('.s{min-height:44em}@container (width<49em){.s{min-height:58em}}@container (width<36em){.s{min-height:76em}}');
  });

  it('gives each first screen rules of its own, after the default screen’s so they win at every width', () => {
    const spec = {
      ...bookingSpec,
      reserve: [[30, 40] as const, [0, 60] as const] as const,
      screens: [{ name: 'prompt', when: { beside: 'quote' }, reserve: [[0, 10] as const] as const }],
    };
    expect(loaderSpec(spec)).toEqual({
      name: 'booking',
      label: { en: 'the booking form', es: 'el formulario de reserva' },
      reserve: '.s{min-height:40em}@container (width<30em){.s{min-height:60em}}[data-screen=prompt]{min-height:10em}',
      // The loader picks the screen: it carries each one's condition, not its reserve (that is in the CSS).
      screens: [{ name: 'prompt', when: { beside: 'quote' } }],
    });
  });
});
