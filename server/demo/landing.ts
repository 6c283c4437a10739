/**
 * The landing page's own script: the Teppan snippet as a customer pastes it
 * (a queue, so calls work before the loader arrives), in a file rather than
 * inline, because the site's CSP runs no inline script.
 */
if (!window.Teppan) {
  const q: ArrayLike<unknown>[] = [];
  window.Teppan = Object.assign((...command: unknown[]) => void q.push(command), { q });
}

// A chosen quote goes into the URL, so a reload or a shared link comes back to the same booking.
window.Teppan('on', 'quote', (quote) => {
  const url = new URL(location.href);
  url.searchParams.set('quote', (quote as { id: string }).id);
  history.replaceState(null, '', url);
});
