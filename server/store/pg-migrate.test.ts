import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freshDatabase as freshDatabaseIn, freshSchema } from '../../test/support/pg-schema';
import { migratePg, pgMigrations } from './pg-migrate';
import { createPostgresStore } from './postgres';
import type { Store } from './types';

/** Runs on the run's throwaway cluster (test/support/postgres-setup.ts). */
const url = inject('postgresUrl');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connected(connectionString = url) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

async function freshDatabase() {
  const fresh = await freshDatabaseIn(url);
  // Last, once every connection to it is closed.
  cleanups.unshift(fresh.drop);
  return fresh.url;
}

const versions = pgMigrations().map((m) => m.version);

describe('PostgreSQL migrations', () => {
  it('are versioned files, oldest first', () => {
    expect(versions[0]).toBe('0001_init');
    expect([...versions].sort()).toEqual(versions);
  });

  it('make the schema once when three instances start on a fresh database at once, and every instance works on it', async () => {
    const db = await freshDatabase();
    const stores: Store[] = await Promise.all([1, 2, 3].map(() => createPostgresStore(db)));
    cleanups.push(() => Promise.all(stores.map((s) => s.close())));

    const client = await connected(db);
    const recorded = await client.query<{ version: string }>('SELECT version FROM public.schema_migrations ORDER BY version');
    expect(recorded.rows.map((r) => r.version)).toEqual(versions);
    expect(new Set(stores.map((s) => s.secret)).size).toBe(1);

    // What one instance writes, the others read.
    const [a, b, c] = stores as [Store, Store, Store];
    await a.createLead({ id: 'ld_1', tenantId: 'demo', name: 'Aiko', question: 'Pasadena?', createdAt: '2027-01-10T18:00:00.000Z' });
    expect((await b.listLeads('demo', { limit: 100 })).items).toHaveLength(1);
    expect((await c.listLeads('demo', { limit: 100 })).items).toHaveLength(1);
  });

  it('are applied by exactly one of several migrators racing, and by none on a schema already up to date', async () => {
    const { schema, drop } = freshSchema(url);
    const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: url, max: 1 }));
    cleanups.push(drop, () => Promise.all(pools.map((p) => p.end())));
    const applied = await Promise.all(pools.map((pool) => migratePg(pool, schema)));
    expect(applied.filter((list) => list.length > 0)).toEqual([versions]);
    // A restarted instance joins the existing schema.
    expect(await migratePg(pools[0] as pg.Pool, schema)).toEqual([]);
  });

  it('wait for another instance that is migrating rather than fail, and give up only after their wait', async () => {
    const { schema, drop } = freshSchema(url);
    cleanups.push(drop);
    // Another instance, mid-migration: it holds the migration lock in an open transaction.
    const other = await connected();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`teppan schema migrations ${schema}`]);

    const pool = new pg.Pool({ connectionString: url, max: 1 });
    cleanups.push(() => pool.end());
    await expect(migratePg(pool, schema, { waitMs: 300 })).rejects.toThrow(/another instance's migration/);

    let done = false;
    const starting = createPostgresStore(url, { schema }).then((store) => {
      done = true;
      return store;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(done).toBe(false);
    await other.query('COMMIT');
    const store = await starting;
    cleanups.push(() => store.close());
    expect(await store.listLeads('demo', { limit: 100 })).toEqual({ items: [], next: null });
  });
});
