// `npm run bench` (second part): time until a widget is usable, in real Chromium
// under slow-4G throttling, for the split embed (loader + runtime + widget chunk,
// fetched in parallel) against an eager single-bundle build of the same widgets.
// Runs alternate between the two so machine noise hits both alike; medians and
// their ratio are printed. "Usable" is the widget's teppan:ready event: its
// fields are on screen with the tenant's catalog loaded.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright';
import { build } from 'vite';
import { embedManifest } from '../scripts/embed-manifest.mjs';
import { firstLoad, measure } from '../scripts/size-report.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WIDGET = process.env.BENCH_WIDGET ?? 'quote';
// Chrome DevTools' "Slow 4G" preset.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

for (const mode of ['embed', 'embed-loader', 'embed-eager']) await build({ mode, configFile: 'vite.config.ts', logLevel: 'silent' });

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TEPPAN_DB: ':memory:' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const origin = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const port = /localhost:(\d+)/.exec(out)?.[1];
    if (port) resolve(`http://127.0.0.1:${port}`);
  });
  server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const tag = { quote: 'teppan-quote', booking: 'teppan-booking' }[WIDGET];
const page = (loader) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">` +
  `<script src="${loader}" data-key="pk_test_demo" async></script></head><body><h1>Bench</h1><${tag} loading="eager"></${tag}></body></html>`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

async function once(variant) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await tab.route(`${origin}/bench.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: page(variant === 'split' ? '/embed/teppan.js' : '/embed-eager/teppan.js') }),
  );
  await tab.addInitScript(() => {
    document.addEventListener('teppan:ready', () => {
      window.__usable ??= performance.now();
    });
  });
  await tab.goto(`${origin}/bench.html`);
  const ms = await tab.waitForFunction(() => window.__usable, undefined, { timeout: 60_000 }).then((h) => h.jsonValue());
  await context.close();
  return ms;
}

const times = { split: [], eager: [] };
await once('split'); // warm the server and the browser once, uncounted
for (let i = 0; i < RUNS; i++) {
  for (const variant of i % 2 ? ['eager', 'split'] : ['split', 'eager']) times[variant].push(await once(variant));
}
await browser.close();
server.kill('SIGTERM');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const split = median(times.split);
const eager = median(times.eager);
console.log(`\nTime until the ${WIDGET} widget is usable, slow 4G (DevTools preset), ${RUNS} alternating runs each (npm run bench)\n`);
console.log('| build | median ms | runs (ms) |');
console.log('|---|---:|---|');
console.log(`| split (loader + runtime + widget chunk) | ${split.toFixed(0)} | ${times.split.map((t) => t.toFixed(0)).join(', ')} |`);
console.log(`| eager single bundle | ${eager.toFixed(0)} | ${times.eager.map((t) => t.toFixed(0)).join(', ')} |`);
console.log(`\nratio split / eager: ${(split / eager).toFixed(3)}`);

const loads = firstLoad('dist/embed', embedManifest());
const eagerSize = measure('dist/embed-eager/teppan.js');
console.log('\nBytes a page downloads (gzip / brotli)\n');
console.log('| what | gzip | brotli |');
console.log('|---|---:|---:|');
const loader = measure('dist/embed/teppan.js');
console.log(`| loader alone (teppan.js) | ${loader.gzip} | ${loader.brotli} |`);
for (const [name, l] of Object.entries(loads)) console.log(`| first load of ${name} (split) | ${l.gzip} | ${l.brotli} |`);
console.log(`| eager single bundle (every widget) | ${eagerSize.gzip} | ${eagerSize.brotli} |`);
