// The reference API on the in-memory store (server/store/memory.ts), for `npm run bench:load`:
// `npm start` always stores in SQLite. Loopback only; visitors' addresses from X-Forwarded-For.
import { createNodeApp, listen } from '../server/node';
import { createMemoryStore } from '../server/store/memory';

const { servers, port } = await listen(createNodeApp({ store: createMemoryStore(), chaos: false, trustProxy: true }), 0, ['127.0.0.1']);
// The bench reads the port from this line, as tests read `npm start`'s.
console.log(`Teppan reference API on http://localhost:${port}/ (memory store)`);
process.on('SIGTERM', () => {
  for (const s of servers) {
    s.close();
    s.closeAllConnections();
  }
  process.exit(0);
});
