import { setupWorker } from 'msw/browser';

/**
 * MSW's worker, registered beside Storybook's own pages wherever they are served:
 * at the root under `storybook dev`, under `/storybook/` from `npm start`. The
 * worker's default URL (`/mockServiceWorker.js`) would miss the sub-path.
 * Its scope is the preview page alone (`…/iframe.html`), never the manager page
 * beside it, which must keep talking to the preview undisturbed.
 * The vitest runner serves the static folder at its root and its pages elsewhere.
 */
function registration(): { url: string; scope: string } {
  if (!location.pathname.endsWith('/iframe.html')) return { url: '/mockServiceWorker.js', scope: '/' };
  return { url: new URL('mockServiceWorker.js', location.href).pathname, scope: location.pathname };
}

export async function startWorker() {
  const { url, scope } = registration();
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url, options: { scope } },
    // Storybook's own files and anything not the API go to the network untouched.
    onUnhandledRequest: 'bypass',
  });
  return worker;
}
