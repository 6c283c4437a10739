/**
 * Where a page of a list starts: just after the row at this position. `at` is
 * the list's sort key (a booking's `createdAt`, the insertion sequence of a
 * lead or conversation) and `id` breaks ties, so the order is total and a page
 * boundary never falls between equal rows.
 */
export interface Position {
  at: number;
  id: string;
}

export interface PageRequest {
  /** At most this many rows. */
  limit: number;
  /** Rows after this one; the first page without it. */
  after?: Position;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null when this page holds the last row. */
  next: Position | null;
}

/** A first page starts after this position: before every row. */
const START: Position = { at: Number.MIN_SAFE_INTEGER, id: '' };

/** A keyset query's parameters: where the page starts, and one row more than the page, to tell whether another page follows. */
export const keyset = ({ limit, after = START }: PageRequest) => ({ ...after, limit: limit + 1 });

/** The position of a row listed by insertion sequence (leads, conversations). */
export const bySeq = (r: { seq: number; id: string }): Position => ({ at: r.seq, id: r.id });
/** The position of a row listed by creation time (bookings, outbox messages). */
export const byCreatedAt = (r: { created_at: number; id: string }): Position => ({ at: r.created_at, id: r.id });

/**
 * A page from up to `limit + 1` rows read in list order: the extra row only
 * says whether there is more, so a page that ends the list says so (no empty
 * page to fetch after it).
 */
export function pageFrom<R, T>(rows: readonly R[], limit: number, positionOf: (row: R) => Position, itemOf: (row: R) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(itemOf), next: rows.length > limit && last !== undefined ? positionOf(last) : null };
}

/** Oldest first, then by id: the order of bookings and of payments. */
export const oldestFirst = (x: { createdAt: number; id: string }, y: { createdAt: number; id: string }) =>
  x.createdAt - y.createdAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Whether a row at `p` comes after `after` in list order. */
export const isAfter = (p: Position, after: Position | undefined) => !after || p.at > after.at || (p.at === after.at && p.id > after.id);
