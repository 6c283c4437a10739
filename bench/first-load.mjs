// `npm run bench` (second part): time until a widget is usable, in real Chromium
// under slow-4G throttling, for what a site really gets: the files compressed
// (the build's brotli twins) and served by the reference server with its
// headers, the page itself included. Each variant of the embed (the split
// embed: loader + runtime + widget chunk fetched in parallel; an eager
// single-bundle build; more in VARIANTS) is timed in alternating runs so
// machine noise hits all alike. "Usable" is the widget's teppan:ready event:
// its fields are on screen with the tenant's catalog loaded.
//
// Beside each median it prints the floor: what the network alone cannot go
// under. Model: HTTP/1.1 over TCP on loopback, no TLS; Chromium's throttling
// delays each request's answer by the profile's latency (one round trip) and
// feeds every body through one pipe of the profile's bandwidth, while the
// connection setup itself is not delayed. A page's requests form a chain of
// dependent steps (each starts only once the step before it arrived):
// page → loader → {runtime, widget chunk, catalog} for the split embed, three
// round trips; page → bundle → catalog for the eager one, three too. So
//   floor = round trips × latency + compressed bytes received before usable ÷ bandwidth.
// The bytes are the bodies Chromium received (Resource Timing's encodedBodySize),
// so the floor moves with every byte cut. "Steps seen" is the chain as Chromium
// ran it (a request counts one step after the last one that had arrived before it
// started): more than the model's round trips means a waterfall, or a CPU so busy
// that a request started late. CPU time (parse, run, render) is not
// in the floor: the ratio time ÷ floor is what the CPU and any waterfall add.
// So every variant is timed twice: under slow 4G with CPU ×4 (Lighthouse's
// mobile setting) and under the same network with the CPU unthrottled.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { build, loadConfigFromFile } from 'vite';
import { compressTree } from '../scripts/compress.mjs';
import { embedManifest } from '../scripts/embed-manifest.mjs';
import { firstLoad, measure } from '../scripts/size-report.mjs';
import { createNodeApp, listen } from '../server/node.ts';
import { createMemoryStore } from '../server/store/memory.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WIDGET = process.env.BENCH_WIDGET ?? 'quote';
// The element's `loading` attribute: `eager` loads as the loader runs; `visible` (the default on a site) once it is near the viewport, which it is here.
const LOADING = process.env.BENCH_LOADING ?? 'eager';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// How long a new browser window is left to settle before its page is timed (see `once`).
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 2000);

/** Network and CPU profiles; latency in ms per request, bandwidth in bytes/s. */
const PROFILES = {
  // Lighthouse's mobile "slow 4G" (150 ms RTT, 1.6 Mbps down, 750 kbps up) with its 4× CPU slowdown: the setting.
  'slow-4g': { label: 'slow 4G: 150 ms RTT, 1.6 Mbps, CPU ×4', latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8, cpu: 4 },
  // The same network with the CPU as it is: the floor counts only the network, so this ratio is what the loading
  // design (its chain of requests, its bytes) costs over it; under CPU ×4 the ratio is mostly the CPU's.
  'slow-4g-network': {
    label: 'slow 4G network alone: 150 ms RTT, 1.6 Mbps, CPU ×1',
    latency: 150,
    down: (1.6 * 1024 * 1024) / 8,
    up: (750 * 1024) / 8,
    cpu: 1,
  },
  // Chrome DevTools' "Slow 4G" preset (its latency stands in for the handshakes per request), no CPU slowdown.
  'devtools-slow-4g': {
    label: 'DevTools Slow 4G preset: 562.5 ms, 1.44 Mbps, CPU ×1',
    latency: 562.5,
    down: (1.6 * 1024 * 1024 * 0.9) / 8,
    up: (750 * 1024 * 0.9) / 8,
    cpu: 1,
  },
};
// BENCH_PROFILE=name[,name…]: the profiles timed, each in its own alternating runs.
const TIMED = (process.env.BENCH_PROFILE ?? 'slow-4g,slow-4g-network').split(',').map((name) => {
  if (!PROFILES[name]) throw new Error(`BENCH_PROFILE is one or more of ${Object.keys(PROFILES).join(', ')}`);
  return PROFILES[name];
});

/**
 * The builds timed, in the order printed. To time another build of the embed
 * (say, the embed on React instead of Preact): its vite modes, the folder
 * they write, the URL prefix it is served at, and its chain's round trips.
 * A variant whose modes vite.config.ts does not define is left out. The first
 * variant is the one the others are compared with (split / eager).
 */
const CANDIDATES = [
  { name: 'split', label: 'split (loader + runtime + widget chunk)', modes: ['embed', 'embed-loader'], dir: 'dist/embed', prefix: '/embed', roundTrips: 3 },
  { name: 'eager', label: 'eager single bundle', modes: ['embed-eager'], dir: 'dist/embed-eager', prefix: '/embed-eager', roundTrips: 3 },
  { name: 'react', label: 'split, on React', modes: ['embed-react', 'embed-react-loader'], dir: 'dist/embed-react', prefix: '/embed-react', roundTrips: 3 },
  // The split embed's files for this widget and its catalog, fetched by a small script as the loader fetches them, and
  // none run: what the page, the browser and the network cost alone, this harness's own floor.
  { name: 'inert', label: 'inert: the same files fetched, none run', modes: [], dir: 'dist/embed', prefix: '/embed', roundTrips: 3 },
];

/** Whether vite.config.ts has a build for this mode (its config names an output folder). Asked of a variant's first mode: a loader's config reads the runtime's build. */
async function hasMode(mode) {
  const loaded = await loadConfigFromFile({ command: 'build', mode, isSsrBuild: false, isPreview: false }, 'vite.config.ts', undefined, 'silent');
  return Boolean(loaded?.config.build?.outDir);
}
// BENCH_VARIANTS=split,eager: time only these (all that vite.config.ts builds otherwise).
const only = process.env.BENCH_VARIANTS?.split(',');
const VARIANTS = [];
for (const variant of CANDIDATES) {
  if ((!only || only.includes(variant.name)) && (variant.modes.length === 0 || (await hasMode(variant.modes[0])))) VARIANTS.push(variant);
}

for (const variant of VARIANTS) {
  for (const mode of variant.modes) await build({ mode, configFile: 'vite.config.ts', logLevel: 'silent' });
  compressTree(variant.dir);
}
// BENCH_BASELINE=folder[,folder…]: copies of earlier split builds (dist/embed, with its .br twins), timed in the same alternating runs, for a before/after on one machine at one time.
for (const [i, dir] of (process.env.BENCH_BASELINE?.split(',') ?? []).entries()) {
  VARIANTS.push({ name: `baseline${i + 1}`, label: `baseline ${i + 1} (${dir})`, dir, prefix: `/embed-baseline${i + 1}`, roundTrips: 3 });
}

// The bench's pages, one per variant, served (and compressed) like the demo's.
const PAGES = 'bench/.tmp/first-load';
rmSync(PAGES, { recursive: true, force: true });
mkdirSync(PAGES, { recursive: true });
const tag = { quote: 'teppan-quote', booking: 'teppan-booking', payment: 'teppan-payment' }[WIDGET];
if (VARIANTS.some((v) => v.name === 'inert')) {
  const files = firstLoad('dist/embed', embedManifest())[WIDGET]?.files.filter((f) => f !== 'teppan.js') ?? [];
  const urls = files.map((f) => `/embed/${f}`).concat('/api/v1/catalog?key=pk_test_demo');
  writeFileSync(
    join(PAGES, 'inert.js'),
    `Promise.all(${JSON.stringify(urls)}.map((u) => fetch(u).then((r) => r.arrayBuffer()))).then(() => document.dispatchEvent(new Event('teppan:ready')));\n`,
  );
}
for (const { name, prefix } of VARIANTS) {
  const script = name === 'inert' ? '/inert.js' : `${prefix}/teppan.js`;
  writeFileSync(
    join(PAGES, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${name}</title><link rel="icon" href="data:,">` +
      `<script src="${script}" data-key="pk_test_demo" async></script></head>` +
      `<body><h1>First load: ${name}</h1><${tag} loading="${LOADING}"></${tag}></body></html>\n`,
  );
}
compressTree(PAGES);

const app = createNodeApp({
  store: createMemoryStore(),
  chaos: false,
  rateLimits: false,
  demoRoot: PAGES,
  embedRoot: 'dist/embed',
  variantRoots: Object.fromEntries(VARIANTS.filter((v) => v.prefix !== '/embed').map((v) => [v.prefix, v.dir])),
});
const { servers, port } = await listen(app, 0, ['127.0.0.1']);
const origin = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** One cold load (fresh context: empty cache, new connections): ms until usable, the compressed bytes received by then, and where the time went. */
async function once(variant, profile) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  // Chromium's headless mode is the whole browser: a new window builds its own UI while its first page loads (the
  // omnibox popup's WebUI alone: ~290 module requests and 2.5 s of main-thread time in a renderer of its own, traced).
  // On 2 cores that ran beside the page timed and added 200–450 ms to every variant, the inert page included. A
  // visitor's browser is open before the page is: the tab starts on about:blank and the window settles first (inert
  // page: 1,022 ms after 0.5 s, 830–840 ms after 1.5–3 s). Its connections and cache stay cold.
  await tab.goto('about:blank');
  await tab.waitForTimeout(SETTLE_MS);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.down,
    uploadThroughput: profile.up,
  });
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  // The page says when it is usable with a console message, which Chromium reports anyway. Waiting with
  // waitForFunction would evaluate Playwright's injected script (~90 ms of CPU, ~400 ms under CPU ×4) in the
  // page while it is still loading: the bench itself on the critical path.
  await tab.addInitScript(() => {
    document.addEventListener('teppan:ready', () => {
      if (window.__usable !== undefined) return;
      window.__usable = performance.now();
      console.debug('teppan:usable');
    });
  });
  const usable = tab.waitForEvent('console', { predicate: (m) => m.text() === 'teppan:usable', timeout: 60_000 });
  await tab.goto(`${origin}/${variant.name}.html`, { waitUntil: 'commit' });
  await usable;
  const result = await tab.evaluate(() => {
    const usable = window.__usable;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter((e) => e.responseEnd <= usable);
    const encoded = entries.map((e) => ({ url: e.name, bytes: e.encodedBodySize, raw: e.decodedBodySize }));
    // The chain as it happened: a request is one step after the latest one that had arrived before it started.
    const sorted = [...entries].sort((a, b) => a.startTime - b.startTime);
    const depth = new Map();
    for (const e of sorted) depth.set(e, 1 + Math.max(0, ...sorted.filter((d) => depth.has(d) && d.responseEnd <= e.startTime).map((d) => depth.get(d))));
    // Milestones: the page, the loader, the loader's requests going out, the last of them arriving.
    const loader = entries.find((e) => /\/(teppan|inert)\.js$/.test(e.name));
    const after = entries.filter((e) => loader && e.startTime >= loader.responseEnd);
    const milestones = {
      page: entries[0]?.responseEnd ?? 0,
      loader: loader?.responseEnd ?? 0,
      requested: Math.min(...after.map((e) => e.startTime)),
      arrived: Math.max(...entries.map((e) => e.responseEnd)),
      usable,
    };
    return { ms: usable, encoded, steps: Math.max(...depth.values()), milestones };
  });
  await context.close();
  const bytes = result.encoded.reduce((t, e) => t + e.bytes, 0);
  const raw = result.encoded.reduce((t, e) => t + e.raw, 0);
  return { ms: result.ms, bytes, raw, requests: result.encoded.length, steps: result.steps, milestones: result.milestones };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Every variant under one profile, in alternating runs; prints its tables. */
async function timeProfile(profile) {
  const runs = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
  await once(VARIANTS[0], profile); // warm the server and the browser once, uncounted
  for (let i = 0; i < RUNS; i++) {
    // Each run starts with the next variant, so none always goes first.
    for (let j = 0; j < VARIANTS.length; j++) {
      const variant = VARIANTS[(i + j) % VARIANTS.length];
      runs[variant.name].push(await once(variant, profile));
    }
  }

  console.log(
    `\nTime until the ${WIDGET} widget (loading="${LOADING}") is usable, compressed, through the reference server; ${profile.label}; ${RUNS} alternating runs each (npm run bench)\n`,
  );
  console.log('| build | median ms | floor ms | time / floor | bytes received (compressed / raw) | requests | steps seen | runs (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  const medians = {};
  for (const v of VARIANTS) {
    const r = runs[v.name];
    const ms = median(r.map((x) => x.ms));
    const bytes = median(r.map((x) => x.bytes));
    const raw = median(r.map((x) => x.raw));
    const floor = v.roundTrips * profile.latency + (bytes / profile.down) * 1000;
    medians[v.name] = ms;
    console.log(
      `| ${v.label} | ${fmt(ms)} | ${fmt(floor)} (${v.roundTrips} × ${profile.latency} + ${fmt(bytes)} B) | ${(ms / floor).toFixed(2)} | ${fmt(bytes)} / ${fmt(raw)} | ${median(r.map((x) => x.requests))} | ${median(r.map((x) => x.steps))} | ${r.map((x) => fmt(x.ms)).join(', ')} |`,
    );
  }
  const [first, ...others] = VARIANTS;
  console.log('');
  for (const v of others) console.log(`ratio ${first.name} / ${v.name}: ${(medians[first.name] / medians[v.name]).toFixed(3)}`);

  // Where the time goes (medians, ms from navigation): after "last file arrived" it is all CPU (evaluate, render, paint).
  console.log('\nWhere the time goes (median ms from navigation start)\n');
  console.log('| build | page arrived | loader arrived | its requests sent | last file arrived | usable | usable − last file |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const v of VARIANTS) {
    const r = runs[v.name];
    const m = (key) => median(r.map((x) => x.milestones[key]));
    const tail = median(r.map((x) => x.milestones.usable - x.milestones.arrived));
    console.log(
      `| ${v.label} | ${fmt(m('page'))} | ${fmt(m('loader'))} | ${fmt(m('requested'))} | ${fmt(m('arrived'))} | ${fmt(m('usable'))} | ${fmt(tail)} |`,
    );
  }
}

for (const profile of TIMED) await timeProfile(profile);
await browser.close();
for (const s of servers) s.close();
rmSync(PAGES, { recursive: true, force: true });

const loads = firstLoad('dist/embed', embedManifest());
console.log('\nBytes a page downloads (gzip / brotli, from the emitted files)\n');
console.log('| what | gzip | brotli |');
console.log('|---|---:|---:|');
const loader = measure('dist/embed/teppan.js');
console.log(`| loader alone (teppan.js) | ${loader.gzip} | ${loader.brotli} |`);
for (const [name, l] of Object.entries(loads)) console.log(`| first load of ${name} (split) | ${l.gzip} | ${l.brotli} |`);
// Built only when timed (BENCH_VARIANTS may leave it out).
if (VARIANTS.some((v) => v.name === 'eager')) {
  const eagerSize = measure('dist/embed-eager/teppan.js');
  console.log(`| eager single bundle (every widget) | ${eagerSize.gzip} | ${eagerSize.brotli} |`);
}
