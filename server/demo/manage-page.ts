/**
 * The manage page's own script: its link to the page in the other language
 * keeps this page's `?token=…`, so the customer switches language, not
 * booking. In a file rather than inline, because the site's CSP runs no
 * inline script; without it the link still opens that page, tokenless.
 */
for (const other of document.querySelectorAll<HTMLAnchorElement>('nav a[hreflang]')) other.setAttribute('href', `${other.pathname}${location.search}`);
