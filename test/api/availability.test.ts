import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../../src/contract';
import { addDays, todayIn } from '../../src/core/schedule';
import { bookableDate, catalog, PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

async function availability(from: string, to: string, guests = 10): Promise<Availability> {
  const res = await fetch(`${server.url}/api/v1/availability?key=${PK}&from=${from}&to=${to}&guests=${guests}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Availability;
}

describe('availability', () => {
  it('lists four seatings a day with three chef teams each, in the tenant’s time zone', async () => {
    const date = bookableDate(20);
    const a = await availability(date, addDays(date, 2));
    expect(a.timeZone).toBe('America/Los_Angeles');
    expect(a.days.map((d) => d.date)).toEqual([date, addDays(date, 1), addDays(date, 2)]);
    const day = a.days[0];
    expect(day?.slots.map((s) => s.id)).toEqual(['12:00', '15:00', '18:00', '20:30'].map((t) => `${date}T${t}`));
    expect(day?.slots.every((s) => s.remaining === 3 && s.capacity === 3)).toBe(true);
    // The 18:00 seating starts at 18:00 Los Angeles time, whatever the offset that day.
    const start = new Date(day?.slots[2]?.start ?? '');
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeStyle: 'short' }).format(start)).toBe('6:00 PM');
  });

  it('offers nothing inside the 48-hour lead time', async () => {
    const today = todayIn(catalog.timeZone, Date.now());
    const a = await availability(today, addDays(today, 1));
    expect(a.days.flatMap((d) => d.slots)).toEqual([]);
    const third = await availability(addDays(today, 3), addDays(today, 3));
    expect(third.days[0]?.slots).toHaveLength(4);
  });

  it('offers nothing beyond the 180-day horizon', async () => {
    const today = todayIn(catalog.timeZone, Date.now());
    const a = await availability(addDays(today, 179), addDays(today, 182));
    expect(a.days.map((d) => d.slots.length)).toEqual([4, 4, 0, 0]);
  });
});
