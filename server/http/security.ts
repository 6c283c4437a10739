import type { MiddlewareHandler } from 'hono';

/**
 * Every answer of the API (JSON, problem details, the chat's NDJSON stream, a
 * calendar file): never sniffed into something that runs, never framed, no
 * referrer sent on from it.
 */
export const API_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * The demo site's pages: scripts and styles from its own origin only (no
 * inline code anywhere; the widgets adopt constructed stylesheets, which
 * `style-src 'self'` allows), framed by its own pages only. No Stripe sources:
 * the demo pages use the demo tenant, which pays with the test provider, so
 * they never load Stripe.js (README, "Security headers", has what a Stripe
 * tenant's site adds).
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const PAGE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy': SITE_CSP,
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * The built tools beside the demo, `/storybook/` and `/reports/`: Storybook's
 * pages and the treemaps are generated with inline scripts and styles, which
 * the site's policy forbids. Theirs allows inline code and nothing else more:
 * every source is still this origin (no eval, no other host, no plugins),
 * framed by this origin only (Storybook frames its own preview), and the pages
 * are static build output that shows no visitor's input.
 */
export const TOOLS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const TOOLS_PAGE_HEADERS: Record<string, string> = { ...PAGE_HEADERS, 'Content-Security-Policy': TOOLS_CSP };

/** Paths of the built tools served beside the demo (Storybook, the bundle reports), which get their own page policy. */
export const isToolsPath = (path: string) => /^\/(storybook|reports)(\/|$)/.test(path);

/**
 * A message's HTML part in the development mailbox (`/mail/…/html`, see
 * server/mail/mailbox.ts): mail is styled inline, so inline styles are
 * allowed, and nothing else: no script, no fetch, no form, no image from
 * elsewhere. `sandbox` makes it a unique origin even when opened on its own;
 * its links may open a new tab.
 */
const MAIL_PART_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox allow-popups allow-popups-to-escape-sandbox',
].join('; ');
const MAIL_PART_HEADERS: Record<string, string> = { ...PAGE_HEADERS, 'Content-Security-Policy': MAIL_PART_CSP };
const isMailPartPath = (path: string) => /^\/mail\/[^/]+\/[^/]+\/html$/.test(path);

/** Scripts, styles and other files (embed chunks are loaded by any site: CORS and CORP stay as they are). */
const FILE_HEADERS: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' };

/** What a file or page answer gets, by what it is: pages their CSP (the tools' own under their paths), JSON (a problem) the API's, the rest nosniff. */
export function headersFor(contentType: string | null, path = ''): Record<string, string> {
  if (contentType?.startsWith('text/html')) return isToolsPath(path) ? TOOLS_PAGE_HEADERS : isMailPartPath(path) ? MAIL_PART_HEADERS : PAGE_HEADERS;
  if (/^application\/(problem\+)?json/.test(contentType ?? '')) return API_HEADERS;
  return FILE_HEADERS;
}

/** Paths the API app answers itself (everything else under Node is the demo site or embed files). */
export const isApiPath = (path: string) => /^\/(api\/v1|__chaos)(\/|$)/.test(path);

/** Sets headers on whatever answer comes back, errors and 404s included. */
export function withHeaders(headers: (res: Response, path: string) => Record<string, string>, when: (path: string) => boolean = () => true): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!when(c.req.path)) return;
    for (const [name, value] of Object.entries(headers(c.res, c.req.path))) c.res.headers.set(name, value);
  };
}
