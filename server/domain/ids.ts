const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `prefix_` + 24 random base-62 characters (~142 bits): unguessable, so an id alone may grant read access. */
export function newResourceId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  // 256 % 62 leaves a slight bias on a few characters; at 142 bits it does not matter.
  return `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % 62]).join('')}`;
}
