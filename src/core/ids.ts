/** A random UUID v4. Uses getRandomValues, which (unlike randomUUID) also works on plain-http pages. */
export function randomId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A key for one user intent (this booking, this payment). Make it once when the
 * intent starts, keep it with the draft, and send it with every attempt: the
 * server then returns the first result instead of creating a second one.
 */
export function newIdempotencyKey(): string {
  return randomId();
}
