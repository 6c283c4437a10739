import { SK } from './fixtures';

/**
 * Every row of an admin list (`bookings`, `leads`, `conversations`), walked a
 * page at a time as a client does: the API answers at most 500 rows a page.
 */
export async function adminListAll(baseUrl: string, list: 'bookings' | 'leads' | 'conversations'): Promise<unknown[]> {
  const rows: unknown[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${baseUrl}/api/v1/admin/${list}?${query}`, { headers: { authorization: `Bearer ${SK}` } });
    if (!res.ok) throw new Error(`GET /admin/${list} answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as Record<string, unknown> & { nextCursor: string | null };
    rows.push(...(page[list] as unknown[]));
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}
