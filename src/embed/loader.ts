/**
 * The embed loader, `teppan.js`: a few kB with no React. It defines the custom
 * elements and, when one of them is due, fetches the shared runtime, that
 * widget's chunk and the catalog in parallel.
 */
import { type Manifest, splitChunks } from './loader/chunks';
import { setupTeppan } from './loader/setup';

declare const __TEPPAN_MANIFEST__: Manifest;

setupTeppan({
  script: document.currentScript as HTMLScriptElement | null,
  chunks: (base, nonce) => splitChunks(__TEPPAN_MANIFEST__, base, nonce),
});
