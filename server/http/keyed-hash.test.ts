import { describe, expect, it } from 'vitest';
import { keyedHash, networkOf } from './keyed-hash';

describe('networkOf: one visitor’s network', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['::ffff:127.0.0.5', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['unknown', 'unknown'],
  ])('%s → %s', (address, network) => {
    expect(networkOf(address)).toBe(network);
  });
});

describe('keyedHash', () => {
  it('is stable under one secret and unrelated under another', async () => {
    const a = await keyedHash('secret-a', '203.0.113.7');
    expect(await keyedHash('secret-a', '203.0.113.7')).toBe(a);
    expect(await keyedHash('secret-b', '203.0.113.7')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
