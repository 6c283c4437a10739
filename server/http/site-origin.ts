/**
 * TEPPAN_SITE_URL: the public origin of the site that serves `/manage.html` (and `/es/manage.html`)
 * (`https://bookings.example.com`), for the manage links in mail when a
 * tenant has no `manageUrl` of its own. Unset, links lead to the server's own
 * address. A value with a path, query or another scheme stops the start: a
 * link that leads nowhere is found by customers, not operators.
 */
export function siteOriginFromEnv(env: Record<string, string | undefined>): string | undefined {
  const value = env.TEPPAN_SITE_URL || undefined;
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error('TEPPAN_SITE_URL: an origin, such as https://bookings.example.com (no path: links go to its /manage.html).');
  }
  return url.origin;
}
