import type { Page } from '@playwright/test';

/**
 * Host pages the way customers' sites would embed Teppan, served at
 * /__host/<name>.html on the demo server's origin (Playwright fulfils them),
 * optionally with a Content-Security-Policy header.
 */
export interface HostPage {
  head?: string;
  body: string;
  csp?: string;
  /** Leave out the default loader tag (the page brings its own). */
  noLoader?: boolean;
  /** The page's `<html lang>`; English when omitted. */
  lang?: string;
}

const LOADER = '<script src="/embed/teppan.js" data-key="pk_test_demo" async></script>';

export async function openHost(page: Page, name: string, host: HostPage): Promise<void> {
  await page.route(`**/__host/${name}.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: host.csp ? { 'Content-Security-Policy': host.csp } : {},
      body: `<!doctype html><html lang="${host.lang ?? 'en'}"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">${host.head ?? ''}${host.noLoader ? '' : LOADER}</head><body>${host.body}</body></html>`,
    }),
  );
  await page.goto(`/__host/${name}.html`);
}

/** Collects CSP violations from the first script on (set up before navigation). */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}
