import { DEFAULT_RETRY, type RetryPolicy } from './retry';

export interface MailConfig {
  /** Where mail goes (`smtp://` or `smtps://`, credentials in the URL); without it, mail is kept in the development mailbox. */
  smtpUrl?: string;
  /** The From of every message. */
  from: string;
  retry: RetryPolicy;
  /** How often the sender looks for due messages, besides when one is queued. */
  pollMs: number;
  /** How long a team notice waits for others to the same address to fold into one digest with it. */
  digestMs: number;
}

const POLL_MS = 5_000;
/**
 * A burst (a script's leads, a backlog after an outage, a day's bookings
 * confirmed at once) arrives within seconds, so a few seconds fold it into
 * one email while a single notice still reaches the team at once, as people
 * count it. A slow drip is not the threat: leads are limited to a handful an
 * hour (server/http/rate-limit.ts), and bookings cost a deposit.
 */
const DIGEST_MS = 5_000;

/**
 * TEPPAN_SMTP_URL: the mail server; TEPPAN_MAIL_FROM: the sender
 * ("Name <address>"); TEPPAN_MAIL_RETRY_MS: the first wait after a failed send
 * (a minute; tests shorten it), doubling each time for a day;
 * TEPPAN_MAIL_DIGEST_MS: how long a team notice waits to fold with others
 * into one digest (`DIGEST_MS`; 0: only notices due together fold). A malformed
 * value stops the start: mail silently going nowhere is worse.
 */
export function mailConfigFromEnv(env: Record<string, string | undefined>): MailConfig {
  const smtpUrl = env.TEPPAN_SMTP_URL || undefined;
  if (smtpUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {}
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error('TEPPAN_SMTP_URL: use smtp://user:pass@host:587 or smtps://user:pass@host:465.');
  }
  const firstDelayMs = env.TEPPAN_MAIL_RETRY_MS ? Number(env.TEPPAN_MAIL_RETRY_MS) : DEFAULT_RETRY.firstDelayMs;
  if (!(Number.isInteger(firstDelayMs) && firstDelayMs > 0)) throw new Error('TEPPAN_MAIL_RETRY_MS: a whole number of milliseconds above 0.');
  const digestMs = env.TEPPAN_MAIL_DIGEST_MS ? Number(env.TEPPAN_MAIL_DIGEST_MS) : DIGEST_MS;
  if (!(Number.isInteger(digestMs) && digestMs >= 0)) throw new Error('TEPPAN_MAIL_DIGEST_MS: a whole number of milliseconds, 0 or more.');
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    digestMs,
    from: env.TEPPAN_MAIL_FROM || 'Teppan bookings <bookings@teppan.localhost>',
    retry: { ...DEFAULT_RETRY, firstDelayMs },
    pollMs: Math.min(POLL_MS, firstDelayMs),
  };
}

/** The mail server as a log line may show it: no credentials. */
export const describeSmtp = (url: string) => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
};

/** TEPPAN_OUTBOX_BOUND: unsent messages per tenant past which new ones are held (see server/store/outbox.ts); undefined: the default. */
export function outboxBoundFromEnv(env: Record<string, string | undefined>): number | undefined {
  if (!env.TEPPAN_OUTBOX_BOUND) return undefined;
  const bound = Number(env.TEPPAN_OUTBOX_BOUND);
  if (!(Number.isInteger(bound) && bound > 0)) throw new Error('TEPPAN_OUTBOX_BOUND: a whole number above 0.');
  return bound;
}
