/**
 * `npm start`: builds what the demo needs, then serves the reference API, the
 * demo site and the embed bundle on one port (PORT, default 8787), in this one
 * process, so stopping `npm start` stops the server.
 */
import { build } from 'vite';

for (const mode of ['demo']) {
  await build({ mode, configFile: 'vite.config.ts', logLevel: 'warn' });
}
await import('../server/main.ts');
