/**
 * Stripe's webhook signature, checked as Stripe's own libraries do: the
 * `Stripe-Signature` header carries `t=<unix seconds>` and one or more
 * `v1=<hex HMAC-SHA256 of "t.rawBody">` (several while a secret is being
 * rolled); any v1 may match. Web Crypto, so the app stays runnable in the
 * browser (MSW) too; `subtle.verify` compares in constant time.
 */

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'bad-signature' | 'stale-signature' };

interface ParsedHeader {
  timestamp: number;
  signatures: Uint8Array<ArrayBuffer>[];
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function parseHeader(header: string): ParsedHeader | undefined {
  let timestamp: number | undefined;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // v0 (and any other scheme) is ignored, as Stripe's libraries do: only v1 is a live-mode signature.
    if (key === 'v1') {
      const bytes = hexBytes(value);
      if (bytes) signatures.push(bytes);
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Whether `payload` (the raw body, byte for byte) was signed with `secret`
 * (`whsec_…`, used whole as the HMAC key) within `toleranceSeconds` of `nowMs`.
 * The signature is checked first, so an unsigned caller learns nothing about timing.
 */
export async function verifyStripeSignature(
  header: string | undefined,
  payload: string,
  secret: string,
  nowMs: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): Promise<SignatureCheck> {
  const parsed = header ? parseHeader(header) : undefined;
  if (!parsed) return { ok: false, reason: 'bad-signature' };
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = utf8(`${parsed.timestamp}.${payload}`);
  let matched = false;
  for (const signature of parsed.signatures) {
    if (await crypto.subtle.verify('HMAC', key, signature, signed)) matched = true;
  }
  if (!matched) return { ok: false, reason: 'bad-signature' };
  // Both ways: a timestamp far in the future is as suspect as an old one (Stripe's libraries check only the past).
  if (Math.abs(nowMs / 1000 - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale-signature' };
  return { ok: true, timestamp: parsed.timestamp };
}
