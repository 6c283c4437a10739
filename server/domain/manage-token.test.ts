import { describe, expect, it } from 'vitest';
import { bookingIdOf, manageToken } from './manage-token';

const SECRET = 'a'.repeat(64);
const BOOKING = 'bk_0123456789abcdefghijKLMN';

describe('manage tokens', () => {
  it('are long, URL-safe, do not contain the booking id, and open to it', async () => {
    const token = await manageToken(SECRET, 'demo', BOOKING);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain(BOOKING.slice(3));
    expect(await bookingIdOf(SECRET, 'demo', token)).toBe(BOOKING);
    expect(await manageToken(SECRET, 'demo', BOOKING)).not.toBe(token);
  });

  it('open to nothing when tampered with, made for another tenant or under another secret, or forged', async () => {
    const token = await manageToken(SECRET, 'demo', BOOKING);
    const flipped = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect(await bookingIdOf(SECRET, 'demo', flipped)).toBeUndefined();
    expect(await bookingIdOf(SECRET, 'demo', token.slice(0, -1))).toBeUndefined();
    expect(await bookingIdOf(SECRET, 'other', token)).toBeUndefined();
    expect(await bookingIdOf('b'.repeat(64), 'demo', token)).toBeUndefined();
    for (const forged of ['', 'x', BOOKING, 'A'.repeat(80), '!!!!', 'A'.repeat(500)]) {
      expect(await bookingIdOf(SECRET, 'demo', forged)).toBeUndefined();
    }
  });
});
