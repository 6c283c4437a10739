import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createNodeApp, listen } from './node';
import { createSqliteStore } from './store/sqlite';

/**
 * `npm start` / `npm run server`: the reference API, the demo site and the embed bundle on one port.
 * PORT (8787), HOST (loopback), TEPPAN_DB (.data/teppan.db, or :memory:), TEPPAN_CHAOS=1 for fault injection.
 */
const port = Number(process.env.PORT ?? 8787);
const hosts = process.env.HOST ? [process.env.HOST] : ['127.0.0.1', '::1'];
const dbFile = process.env.TEPPAN_DB ?? '.data/teppan.db';
const chaos = process.env.TEPPAN_CHAOS === '1';

if (dbFile !== ':memory:') mkdirSync(dirname(resolve(dbFile)), { recursive: true });
const store = createSqliteStore(dbFile);
const built = (dir: string) => (existsSync(dir) ? dir : undefined);
const fetch = createNodeApp({ store, chaos, demoRoot: built('dist/demo'), embedRoot: built('dist/embed'), eagerRoot: built('dist/embed-eager') });
const { servers, port: actualPort } = await listen(fetch, port, hosts).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} is already in use. Stop what uses it, or start on another port: PORT=8788 npm start`);
  process.exit(1);
});

// Tests started with PORT=0 read the port from this line.
console.log(`Teppan reference API and demo on http://localhost:${actualPort}/ (db ${dbFile}${chaos ? ', chaos on' : ''})`);

function stop() {
  for (const s of servers) {
    s.close();
    s.closeAllConnections();
  }
  store.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
