/**
 * `npm start`: builds what the demo needs (the embed and the demo pages), then
 * serves the reference API, the demo site and the embed on one port (PORT,
 * default 8787), in this one process, so stopping `npm start` stops the server.
 */
import { build } from 'vite';

for (const mode of ['embed', 'embed-loader', 'demo']) {
  await build({ mode, configFile: 'vite.config.ts', logLevel: 'warn' });
}
await import('../server/main.ts');

// If whatever started us (npm, a test harness) dies without passing the signal
// on, we are re-parented: stop rather than keep the port as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();
