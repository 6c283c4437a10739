import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createQuote } from '../../test/support/fixtures';
import { freshDatabase } from '../../test/support/pg-schema';
import { startServer } from '../../test/support/server';
import { describeDb, isPostgresUrl, openStore } from './open';

describe('choosing the store from TEPPAN_DB', () => {
  it('takes postgres:// and postgresql:// URLs for PostgreSQL, and anything else for a SQLite path', () => {
    expect(isPostgresUrl('postgres://teppan@db.internal:5432/teppan')).toBe(true);
    expect(isPostgresUrl('postgresql://teppan@db.internal/teppan')).toBe(true);
    for (const path of ['.data/teppan.db', ':memory:', '/var/lib/teppan/postgres.db', 'postgres.db', 'postgres']) expect(isPostgresUrl(path)).toBe(false);
  });

  it('prints a URL without its password', () => {
    expect(describeDb('postgres://teppan:s3cret@db.internal:5432/teppan')).toBe('postgres://teppan:***@db.internal:5432/teppan');
    expect(describeDb('.data/teppan.db')).toBe('.data/teppan.db');
  });

  it('opens a SQLite file at a path, making its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teppan-open-'));
    try {
      const store = await openStore(join(dir, 'nested', 'teppan.db'));
      await store.createLead({ id: 'ld_1', tenantId: 'demo', name: 'Aiko', question: 'Pasadena?', createdAt: '2027-01-10T18:00:00.000Z' });
      await store.close();
      expect(existsSync(join(dir, 'nested', 'teppan.db'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the server on PostgreSQL for a postgres:// URL: its state is rows there, and no file is made from the URL', async () => {
    const db = await freshDatabase(inject('postgresUrl'));
    const fromUrl = () => readdirSync('.').filter((name) => name.startsWith('postgres'));
    const before = fromUrl();
    const server = await startServer({ TEPPAN_DB: db.url });
    try {
      const quote = await createQuote(server.url);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const rows = await client.query<{ id: string }>('SELECT id FROM quotes').finally(() => client.end());
      expect(rows.rows.map((r) => r.id)).toEqual([quote.id]);
      expect(fromUrl()).toEqual(before);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
