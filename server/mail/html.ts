/**
 * The HTML of a message: everything a person typed goes through `escapeHtml`
 * (or a `row`/`paragraph`, which escape), so it is text in any mail client,
 * never markup. Styles are inline, as mail clients drop `<style>` sheets;
 * the layout is one column up to 600 px wide, readable on a phone as it is.
 */
export const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A safe HTML fragment: only these helpers make one, so a plain string can never slip in unescaped. */
export interface Html {
  readonly html: string;
}
const safe = (html: string): Html => ({ html });

export const paragraph = (text: string): Html => safe(`<p style="margin:0 0 16px">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`);

export const heading2 = (text: string): Html => safe(`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(text)}</h2>`);

/** A link whose URL we made (never a visitor's). */
export const link = (label: string, url: string): Html =>
  safe(`<p style="margin:0 0 16px"><a href="${escapeHtml(url)}" style="color:#b3261e;font-weight:bold">${escapeHtml(label)}</a></p>`);

/** Label–value pairs as a table: each label a row header, so a screen reader reads "Date: Wednesday, March 3". */
export function table(caption: string, rows: readonly (readonly [string, string])[]): Html {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:6px 12px 6px 0;vertical-align:top;font-weight:600;width:9em">${escapeHtml(label)}</th>` +
        // A long reference or address breaks rather than widening the message past a phone's screen.
        `<td style="padding:6px 0;vertical-align:top;overflow-wrap:anywhere">${escapeHtml(value).replace(/\r?\n/g, '<br>')}</td></tr>`,
    )
    .join('');
  return safe(
    `<table style="border-collapse:collapse;width:100%;margin:0 0 16px"><caption style="text-align:left;font-weight:600;padding:0 0 8px">${escapeHtml(caption)}</caption><tbody>${cells}</tbody></table>`,
  );
}

/** A whole message: its language, a title, one heading, then the parts. */
export function htmlDocument(title: string, parts: readonly Html[], lang = 'en'): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f6f3ef;color:#1f1b16;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff">',
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    ...parts.map((p) => p.html),
    '</div></body></html>',
  ].join('\n');
}

/** The plain-text twin of a table: "Label: value" lines. */
export const textTable = (rows: readonly (readonly [string, string])[]) => rows.map(([label, value]) => `${label}: ${value}`).join('\n');
