import { describe, expect, it } from 'vitest';
import { quoteSpec } from '../../widgets/quote/spec';
import { reserveCss } from './reserve';

describe('reserved size', () => {
  it('steps up as the widget narrows, each step below the width where the one before starts', () => {
    expect(reserveCss(quoteSpec.reserve)).toBe(
      '.s{min-height:44em}@container (width<49em){.s{min-height:58em}}@container (width<36em){.s{min-height:62em}}@container (width<25em){.s{min-height:76em}}@container (width<20em){.s{min-height:77em}}@container (width<19em){.s{min-height:91em}}',
    );
  });
});
