const formats = new Map<string, Intl.NumberFormat>();

/**
 * The tag money is written with: a tag that names no region takes the currency's own (ISO 4217's first two
 * letters name its country), so a US business's dollars read "$1,720.50" on a Spanish page as on its English one,
 * the way US sites in Spanish write them, not Spain's "1720,50 US$". A visitor's own region still wins (`es-MX`).
 */
function moneyTag(locale: string | undefined, currency: string): string | undefined {
  if (!locale) return locale;
  try {
    const tag = new Intl.Locale(locale);
    return tag.region ? locale : `${tag.language}-${currency.slice(0, 2).toUpperCase()}`;
  } catch {
    return locale;
  }
}

function format(currency: string, locale: string | undefined): Intl.NumberFormat {
  const id = `${locale ?? ''}|${currency}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(moneyTag(locale, currency), { style: 'currency', currency });
    formats.set(id, f);
  }
  return f;
}

/** Formats integer minor units (cents) as money, in the page's locale unless one is given. */
export function formatMoney(amountCents: number, currency: string, locale?: string): string {
  const f = format(currency, locale);
  // A currency's minor units are the same in every locale (ECMA-402's CurrencyDigits): this formatter
  // says, so a page not in 'en' builds no second formatter for it in its first render.
  return f.format(amountCents / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}
