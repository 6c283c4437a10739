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
