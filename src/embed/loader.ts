/**
 * The embed loader, `teppan.js`: a few kB with no React. It defines the custom
 * elements and, when one of them is due, fetches the shared runtime, that
 * widget's chunk and the catalog in parallel.
 */
import { type Manifest, splitChunks } from './loader/chunks';
import { setupTeppan } from './loader/setup';
import type { LoaderSpec } from './loader/spec';

// Written in by the build (vite.config.ts): the runtime's file names, and what the loader needs of each widget's spec.
declare const __TEPPAN_MANIFEST__: Manifest;
declare const __TEPPAN_SPECS__: LoaderSpec[];

setupTeppan(document.currentScript as HTMLScriptElement | null, __TEPPAN_SPECS__, (base, nonce) => splitChunks(__TEPPAN_MANIFEST__, base, nonce));
