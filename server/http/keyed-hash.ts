const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function keyOf(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  return key;
}

/**
 * HMAC-SHA-256 of `text` under the store's secret, hex. What we keep of
 * visitors' addresses and of request bodies (which may hold card numbers of
 * the test provider): linkable by us, unreadable and unguessable to anyone
 * holding only the database.
 */
export async function keyedHash(secret: string, text: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await keyOf(secret), encoder.encode(text));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The part of an address that is one visitor: an IPv4 address, or the /64 of
 * an IPv6 one (a home or a phone is given a whole /64, and picks addresses in
 * it at will). Loopback in any form is one machine: `localhost` may reach a
 * server as 127.0.0.1 or as ::1.
 */
export function networkOf(address: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (v4?.[1]) return v4[1].startsWith('127.') ? 'loopback' : v4[1];
  if (/^(?:0{0,4}:){2,7}0{0,3}1$/.test(address) || address === '::1') return 'loopback';
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
