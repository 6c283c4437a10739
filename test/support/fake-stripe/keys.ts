/** The keys the fake's account has. Test values only: the fake is no Stripe account. */
export const FAKE_STRIPE_KEYS = {
  secretKey: 'sk_test_fake_teppan',
  publishableKey: 'pk_test_fake_teppan',
  webhookSecret: 'whsec_fake_teppan',
} as const;
