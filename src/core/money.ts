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

/** Minor units of a currency: 2 for USD, 0 for JPY. */
export function minorUnits(currency: string): number {
  return format(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats integer minor units (cents) as money, in the page's locale unless one is given. */
export function formatMoney(amountCents: number, currency: string, locale?: string): string {
  return format(currency, locale).format(amountCents / 10 ** minorUnits(currency));
}
