/**
 * Widget CSS reaches the page as constructed stylesheets adopted into the
 * document (React library) or each shadow root (embed). Unlike an injected
 * <style>, that works under a strict CSP with no 'unsafe-inline'.
 */
const sheets = new Map<string, CSSStyleSheet>();

function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** Adopts `css` into `root` once; safe to call on every render. */
export function adoptStyles(root: Document | ShadowRoot, css: string): void {
  const sheet = sheetFor(css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
