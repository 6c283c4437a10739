/**
 * `npm start`: builds what the demo needs (the library's and the embed's
 * bundles, the demo pages, the bundle reports and their compressed twins),
 * then serves the reference API, the demo site, the embed, the reports
 * (`/reports/`) and Storybook (`/storybook/`) on one port (PORT, default
 * 8787), in this one process, so stopping `npm start` stops the server.
 *
 * Storybook's build takes about a minute on two cores, so it runs only when
 * dist/storybook is missing or older than its sources, and after the server
 * is up: the demo is usable at once, `/storybook/` once that build is done.
 * TEPPAN_STORYBOOK=off skips it (the e2e suite, which never opens it).
 */
import { spawn } from 'node:child_process';
import { build } from 'vite';
import { exitWithLauncher } from '../server/launcher';
import { indexAndCompress, writeDistSizes } from './dist-reports.mjs';
import { embedManifest } from './embed-manifest.mjs';
import { pruneReleases } from './releases.mjs';
import { storybookIsStale } from './storybook-freshness.mjs';

// Before the builds: if npm (or a test harness) dies without passing a signal on, stop rather than build and then
// hold the port as an orphan.
exitWithLauncher({ orParent: true });

for (const mode of ['lib', 'embed', 'embed-loader', 'demo']) {
  await build({ mode, configFile: 'vite.config.ts', logLevel: 'warn' });
}
pruneReleases('dist/embed');
writeDistSizes(embedManifest());
indexAndCompress();

// The server mounts /storybook/ and /reports/ before their builds finish, and says they are being built.
process.env.TEPPAN_TOOLS_BUILDING = '1';
await import('../server/main.ts');

if (process.env.TEPPAN_STORYBOOK !== 'off' && storybookIsStale()) buildStorybookInBackground();

function buildStorybookInBackground() {
  const started = Date.now();
  console.log('Building Storybook for /storybook/ (about a minute; the demo is already up)…');
  // Its own process group, stopped whole with `npm start` (killing the node parent alone would leave storybook running).
  const child = spawn(process.execPath, ['scripts/build-storybook.mjs'], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  process.once('exit', stop);
  child.once('exit', (code) => {
    process.off('exit', stop);
    if (code === 0) console.log(`Storybook built in ${((Date.now() - started) / 1000).toFixed(0)} s: /storybook/`);
    else if (code !== null) console.error(`Storybook build failed (exit ${code}); run npm run build-storybook to see why`);
  });
}
