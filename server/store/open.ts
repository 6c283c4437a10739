import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createPostgresStore, type PgStoreOptions } from './postgres';
import { createSqliteStore } from './sqlite';
import type { Store } from './types';

/** Whether TEPPAN_DB names a PostgreSQL database (a `postgres://` or `postgresql://` URL) rather than a SQLite file. */
export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);

/**
 * The store TEPPAN_DB names: a `postgres://…` or `postgresql://…` URL is
 * PostgreSQL (migrated on open); anything else is a SQLite file (its folder
 * made when missing), or `:memory:`. `pg`: the pool's limits (PostgreSQL) and the outbox's bound (either).
 */
export async function openStore(db: string, pg: PgStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(db)) return createPostgresStore(db, pg);
  if (db !== ':memory:') mkdirSync(dirname(resolve(db)), { recursive: true });
  return createSqliteStore(db, pg.outboxBound !== undefined ? { outboxBound: pg.outboxBound } : {});
}

/** TEPPAN_DB as it may be printed: a URL's password left out. */
export function describeDb(db: string): string {
  if (!isPostgresUrl(db)) return db;
  const url = new URL(db);
  if (url.password) url.password = '***';
  return url.toString();
}
