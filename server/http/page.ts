import type { Context } from 'hono';
import { makeFieldError } from '../../src/contract';
import { z } from '../../src/contract/zod';
import type { Page, PageRequest, Position } from '../store/page';
import { validationProblem } from './problem';
import { parseWith } from './validate';

/** Rows in a page of an admin list when `limit` is not given, and at most. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

const pageQuery = z.object({
  limit: z._default(
    z.coerce.number().check(z.int('Enter a whole number of rows.'), z.gte(1, 'At least 1 row.'), z.lte(MAX_PAGE, `At most ${MAX_PAGE} rows a page.`)),
    DEFAULT_PAGE,
  ),
  cursor: z.optional(z.string()),
});

/**
 * A cursor is the position of a page's last row, as base64url JSON. Clients
 * treat it as opaque and only hand it back; it names no tenant, since every
 * list is read within the caller's own.
 */
export const encodeCursor = (p: Position) => Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');

function decodeCursor(cursor: string): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value;
    if (!Number.isSafeInteger(at) || typeof id !== 'string' || id.length > 200) return undefined;
    const p = { at, id };
    // Only a cursor this server made: the same position written another way is refused too.
    return encodeCursor(p) === cursor ? p : undefined;
  } catch {
    return undefined;
  }
}

/** `?limit=` and `?cursor=` of an admin list: 422 problems naming the field when either is wrong. */
export function pageRequestOf(c: Context): PageRequest {
  const { limit, cursor } = parseWith(pageQuery, c.req.query());
  if (cursor === undefined) return { limit };
  const after = decodeCursor(cursor);
  if (!after) throw validationProblem([makeFieldError('cursor', 'Not a cursor this API gave: pass a nextCursor from a page back unchanged.')]);
  return { limit, after };
}

/** Where the page after this one starts, for the answer beside today's array: null at the end. */
export const nextCursorOf = (page: Page<unknown>) => (page.next ? encodeCursor(page.next) : null);
