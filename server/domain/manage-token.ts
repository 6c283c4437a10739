/**
 * The manage link's token: a capability, not an id. It is the booking's id
 * sealed with AES-256-GCM under a key derived from the store's secret and the
 * tenant, so it reveals nothing (not even which booking), cannot be forged or
 * altered (the GCM tag, checked in constant time by WebCrypto, fails), and is
 * valid only for the tenant it was made for. Its expiry is the booking's: the
 * link works until the event ends (see `resolveManageToken`), and follows a
 * reschedule without a new token.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const IV_BYTES = 12;
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string, tenantId: string): Promise<CryptoKey> {
  const id = `${secret}\u0000${tenantId}`;
  let key = keys.get(id);
  if (!key) {
    key = (async () => {
      const hmac = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      // Its own key, never the secret itself: the secret also keys other hashes.
      const raw = await crypto.subtle.sign('HMAC', hmac, encoder.encode(`teppan manage-link ${tenantId}`));
      return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    })();
    keys.set(id, key);
  }
  return key;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** A new token for the booking (URL-safe; each call makes a different one, all valid). */
export async function manageToken(secret: string, tenantId: string, bookingId: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(tenantId) },
    await keyFor(secret, tenantId),
    encoder.encode(bookingId),
  );
  const token = new Uint8Array(IV_BYTES + sealed.byteLength);
  token.set(iv);
  token.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64Url(token);
}

/** The booking id a token was made for, or undefined for anything not made by `manageToken` for this tenant. */
export async function bookingIdOf(secret: string, tenantId: string, token: string): Promise<string | undefined> {
  // Far longer than any real token: refused before any work.
  if (token.length > 200) return undefined;
  const bytes = fromBase64Url(token);
  // An IV, at least one byte, and the 16-byte tag.
  if (!bytes || bytes.length < IV_BYTES + 17) return undefined;
  try {
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: encoder.encode(tenantId) },
      await keyFor(secret, tenantId),
      bytes.slice(IV_BYTES),
    );
    return decoder.decode(opened);
  } catch {
    return undefined;
  }
}
