import { describe, expect, it } from 'vitest';
import { demoTenant, type Tenant } from '../tenants';
import { stripeConfigFromEnv } from './stripe-config';

const stripeTenant: Tenant = {
  ...demoTenant,
  id: 'shop',
  catalog: { ...demoTenant.catalog, payments: { provider: 'stripe', publishableKey: 'pk_test_shop' } },
};

describe('Stripe settings from the environment', () => {
  it('none at all is fine for the demo; a Stripe tenant without a key is warned about', () => {
    expect(stripeConfigFromEnv({}, [demoTenant])).toEqual({ warnings: [] });
    expect(stripeConfigFromEnv({}, [demoTenant, stripeTenant]).warnings).toEqual([expect.stringMatching(/STRIPE_SECRET_KEY is not set: payments of shop/)]);
  });

  it('reads the key, the webhook secret and the API base', () => {
    expect(stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }, [stripeTenant])).toEqual({
      stripe: { secretKey: 'sk_test_abc', webhookSecret: 'whsec_abc', apiBase: 'https://api.stripe.com' },
      warnings: [],
    });
    expect(stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'rk_live_abc', STRIPE_API_BASE: 'http://127.0.0.1:4010/' }, []).stripe?.apiBase).toBe(
      'http://127.0.0.1:4010',
    );
    expect(stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_abc' }, []).warnings).toEqual([expect.stringMatching(/STRIPE_WEBHOOK_SECRET is not set/)]);
  });

  it('refuses settings that would leak or cannot work', () => {
    expect(() => stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_API_BASE: 'http://stripe.example.com' }, [])).toThrow(/https/);
    expect(() => stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'pk_test_abc' }, [])).toThrow(/secret or restricted key/);
    expect(() => stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'sk_test_abc' }, [])).toThrow(/whsec_/);
  });
});
