const formats = new Map<string, Intl.NumberFormat>();

function format(currency: string, locale: string | undefined): Intl.NumberFormat {
  const id = `${locale ?? ''}|${currency}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
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
