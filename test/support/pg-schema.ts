import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh, empty schema in the run's PostgreSQL database (see postgres-setup.ts),
 * so each test starts from nothing while sharing one cluster; `drop` deletes it
 * with everything in it.
 */
export function freshSchema(url: string) {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A database of its own in the run's cluster: what a new deployment starts from (tables in `public`). `drop` once every connection to it is closed. */
export async function freshDatabase(url: string) {
  const name = `fresh_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return { url: fresh.toString(), drop: () => admin(`DROP DATABASE ${name}`) };
}
