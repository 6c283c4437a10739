import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStripeSignature } from './stripe-signature';

const SECRET = 'whsec_test_secret';
const PAYLOAD = '{\n  "id": "evt_1",\n  "object": "event"\n}';
const NOW = 1_790_000_000_000;
const t = NOW / 1000;
// Signed here with node's crypto, independently of the code under test.
const v1 = (payload: string, timestamp: number, secret = SECRET) => createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');

describe("Stripe's webhook signature", () => {
  it('holds for the exact bytes, signed with the secret, within five minutes either way', async () => {
    expect(await verifyStripeSignature(`t=${t},v1=${v1(PAYLOAD, t)}`, PAYLOAD, SECRET, NOW)).toEqual({ ok: true, timestamp: t });
    expect((await verifyStripeSignature(`t=${t - 300},v1=${v1(PAYLOAD, t - 300)}`, PAYLOAD, SECRET, NOW)).ok).toBe(true);
    expect((await verifyStripeSignature(`t=${t + 299},v1=${v1(PAYLOAD, t + 299)}`, PAYLOAD, SECRET, NOW)).ok).toBe(true);
  });

  it('any of several v1 values may match (a secret being rolled); v0 and unknown schemes are ignored', async () => {
    const header = `t=${t},v1=${v1(PAYLOAD, t, 'whsec_old')},v0=${v1(PAYLOAD, t)},v1=${v1(PAYLOAD, t)},x=1`;
    expect((await verifyStripeSignature(header, PAYLOAD, SECRET, NOW)).ok).toBe(true);
    expect(await verifyStripeSignature(`t=${t},v0=${v1(PAYLOAD, t)}`, PAYLOAD, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['no header', undefined],
    ['no timestamp', `v1=${v1(PAYLOAD, t)}`],
    ['no v1', `t=${t}`],
    ['another secret', `t=${t},v1=${v1(PAYLOAD, t, 'whsec_other')}`],
    ['another timestamp than signed', `t=${t + 1},v1=${v1(PAYLOAD, t)}`],
    ['not hex', `t=${t},v1=${'z'.repeat(64)}`],
    ['truncated', `t=${t},v1=${v1(PAYLOAD, t).slice(0, 63)}`],
  ])('is bad with %s', async (_, header) => {
    expect(await verifyStripeSignature(header, PAYLOAD, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('is bad for a body changed by one byte (re-serialised JSON included)', async () => {
    const header = `t=${t},v1=${v1(PAYLOAD, t)}`;
    expect((await verifyStripeSignature(header, PAYLOAD.replace('evt_1', 'evt_2'), SECRET, NOW)).ok).toBe(false);
    expect((await verifyStripeSignature(header, JSON.stringify(JSON.parse(PAYLOAD)), SECRET, NOW)).ok).toBe(false);
  });

  it('is stale outside the tolerance, but only once the signature holds', async () => {
    expect(await verifyStripeSignature(`t=${t - 301},v1=${v1(PAYLOAD, t - 301)}`, PAYLOAD, SECRET, NOW)).toEqual({ ok: false, reason: 'stale-signature' });
    expect(await verifyStripeSignature(`t=${t + 301},v1=${v1(PAYLOAD, t + 301)}`, PAYLOAD, SECRET, NOW)).toEqual({ ok: false, reason: 'stale-signature' });
    expect(await verifyStripeSignature(`t=${t - 301},v1=${v1(PAYLOAD, t)}`, PAYLOAD, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
