import { existsSync } from 'node:fs';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's. `npm test` installs it when missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}. Run “npm test” (it installs it) or set CHROMIUM_PATH.`);
  return path;
}

/** Flags that keep Chromium quiet on a closed network (no background fetches, updates or sync). */
export const CHROMIUM_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
