import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

// What a visitor reads: the spaces Intl puts around a symbol are non-breaking; compare them as plain spaces.
const money = (cents: number, currency: string, locale?: string) => formatMoney(cents, currency, locale).replace(/\s/g, ' ');

describe('formatMoney', () => {
  it("writes a US business's dollars the US way on a Spanish page that names no region", () => {
    expect(money(172_050, 'USD', 'es')).toBe('$1,720.50');
    expect(money(172_050, 'USD', 'en')).toBe('$1,720.50');
  });

  it("keeps the visitor's own region when the tag names one", () => {
    expect(money(172_050, 'USD', 'es-MX')).toBe('USD 1,720.50');
    expect(money(172_050, 'USD', 'en-GB')).toBe('US$1,720.50');
  });

  it("writes another currency the way its own country does, in the visitor's language", () => {
    expect(money(172_050, 'EUR', 'es')).toBe('1720,50 €');
    expect(money(172_050, 'MXN', 'es')).toBe('$1,720.50');
  });

  it('formats minor units by the currency (no cents in yen)', () => {
    expect(money(1_720, 'JPY', 'en')).toBe('¥1,720');
  });
});
