import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

const MIGRATIONS = join(import.meta.dirname, 'migrations', 'pg');

/** The versioned migrations, oldest first: `0001_init.sql` is version `0001_init`. Forward only: a file once released is never edited. */
export function pgMigrations(dir = MIGRATIONS): { version: string; sql: string }[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.slice(0, -'.sql'.length), sql: readFileSync(join(dir, name), 'utf8') }));
}

/** How long an instance waits for another one's migration before it gives up starting. */
export const MIGRATION_WAIT_MS = 60_000;
/** How long applying the migrations themselves may take, beyond that wait. */
const MIGRATION_RUN_MS = 120_000;

/**
 * Brings `schema` up to the newest migration, in one transaction under an
 * advisory lock: instances starting at once queue on the lock, the first
 * applies what is missing, the others find it applied. Waiting is the point
 * (a try-lock would make a starting instance fail or run on a half-made
 * schema); `waitMs` only bounds it, for a migration that hangs. DDL is
 * transactional in PostgreSQL, so a failed migration leaves nothing behind.
 * Returns the versions this call applied.
 */
export async function migratePg(pool: pg.Pool, schema: string, { waitMs = MIGRATION_WAIT_MS, dir = MIGRATIONS } = {}): Promise<string[]> {
  const client = await pool.connect();
  // Waiting on the lock and a long migration are expected here: past the pool's read timeout, up to the wait and then some.
  const query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    // `query_timeout` per query is honoured by pg but missing from its types.
    const config = { text, values, query_timeout: waitMs + MIGRATION_RUN_MS };
    return client.query<R>(config);
  };
  let failed: unknown;
  try {
    await query('BEGIN');
    await query(`SET LOCAL lock_timeout = ${Math.round(waitMs)}`);
    // A long migration must not be cut by the pool's statement_timeout.
    await query('SET LOCAL statement_timeout = 0');
    try {
      await query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`teppan schema migrations ${schema}`]);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === '55P03') {
        throw new Error(`Waited ${waitMs} ms for another instance's migration of schema "${schema}" to finish; is one stuck?`, { cause: error });
      }
      throw error;
    }
    const name = client.escapeIdentifier(schema);
    await query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
    await query(`CREATE TABLE IF NOT EXISTS ${name}.schema_migrations (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Set((await query<{ version: string }>(`SELECT version FROM ${name}.schema_migrations`)).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const { version, sql } of pgMigrations(dir)) {
      if (done.has(version)) continue;
      await query(`SET LOCAL search_path = ${name}`);
      await query(sql);
      await query(`INSERT INTO ${name}.schema_migrations (version) VALUES ($1)`, [version]);
      applied.push(version);
    }
    await query('COMMIT');
    return applied;
  } catch (error) {
    failed = error;
    await query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    // A connection that failed mid-transaction is dropped, not handed back to the pool.
    client.release(failed instanceof Error ? failed : undefined);
  }
}
