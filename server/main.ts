import { existsSync } from 'node:fs';
import { llmConfigFromEnv } from './chat/llm-config';
import { createBusinessClock } from './clock';
import { manageLinks } from './domain/manage';
import { leadLimitsFromEnv } from './http/rate-limit';
import { siteOriginFromEnv } from './http/site-origin';
import { exitWithLauncher } from './launcher';
import { describeSmtp, mailConfigFromEnv, outboxBoundFromEnv } from './mail/config';
import { startReminders } from './mail/reminders';
import { kickingOnQueue, startMailer } from './mail/sender';
import { smtpSender } from './mail/smtp';
import { createNodeApp, listen } from './node';
import { stripeConfigFromEnv } from './payments/stripe-config';
import { describeDb, openStore } from './store/open';
import { demoTenant } from './tenants';
import { loadTenantsFile } from './tenants/load';

/**
 * `npm run server` (what each instance runs; `npm start` builds first, then runs this): the reference API, and
 * on the same port whatever is built of the demo site, the embed bundle, the bundle reports (`/reports/`) and
 * Storybook (`/storybook/`).
 * PORT (8787), HOST (loopback), TEPPAN_CHAOS=1 for fault injection.
 * TEPPAN_DB: a SQLite file (.data/teppan.db), :memory:, or a postgres:// (postgresql://) URL for PostgreSQL;
 *   TEPPAN_PG_POOL_MAX: its connections per instance (10).
 * TEPPAN_TENANTS: a JSON file of more tenants (an array shaped like server/tenants/demo.json).
 * STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE: the Stripe provider (see server/payments/stripe-config.ts).
 * TEPPAN_LLM_URL, TEPPAN_LLM_MODEL, TEPPAN_LLM_KEY: a language model for the chat (see server/chat/llm-config.ts).
 * TEPPAN_TRUST_PROXY=1: the visitor's address is X-Forwarded-For's last hop, not the socket's peer. Only behind
 *   a proxy that sets that header: without one, anyone can claim any address and escape the per-address limits.
 * TEPPAN_RATE_LIMITS=off: no rate limits (server/http/rate-limit.ts), for raw-throughput benchmarks only.
 * TEPPAN_REMINDER_POLL_MS: how often the reminder scheduler looks for reminders due (a minute; tests shorten it).
 * TEPPAN_SITE_URL: the origin manage links in mail lead to (a tenant's own manageUrl wins); the server's own address without it.
 * TEPPAN_LEAD_LIMITS=visitor,tenant: leads an hour per visitor's network and per tenant (5,30).
 * TEPPAN_SMTP_URL: where mail goes (smtp:// or smtps://, credentials in the URL); without it, mail is kept and shown at
 *   /mail/. TEPPAN_MAIL_FROM, TEPPAN_MAIL_RETRY_MS, TEPPAN_MAIL_DIGEST_MS: see server/mail/config.ts.
 * TEPPAN_OUTBOX_BOUND: unsent messages per tenant past which new ones are held (500; see server/store/outbox.ts).
 */
// Started by npm (`npm run server`, `npm start`), it goes when npm is killed outright (server/launcher.ts); started
// some other way, it lives as long as it is let (a supervisor's service, a shell's `nohup`).
exitWithLauncher({ orParent: Boolean(process.env.npm_lifecycle_event) });

const port = Number(process.env.PORT ?? 8787);
const hosts = process.env.HOST ? [process.env.HOST] : ['127.0.0.1', '::1'];
const dbFile = process.env.TEPPAN_DB ?? '.data/teppan.db';
const chaos = process.env.TEPPAN_CHAOS === '1';
const tenants = [demoTenant, ...(process.env.TEPPAN_TENANTS ? loadTenantsFile(process.env.TEPPAN_TENANTS) : [])];
const { stripe, warnings } = stripeConfigFromEnv(process.env, tenants);
for (const warning of warnings) console.warn(`[teppan] ${warning}`);
const llm = llmConfigFromEnv(process.env);
const trustProxy = process.env.TEPPAN_TRUST_PROXY === '1';
const rateLimits = process.env.TEPPAN_RATE_LIMITS === 'off' ? false : undefined;
const limits = leadLimitsFromEnv(process.env);

const mail = mailConfigFromEnv(process.env);
const configuredSite = siteOriginFromEnv(process.env);
// Without TEPPAN_SITE_URL, links lead to this server's own address, known once it listens (PORT=0 picks one).
let siteOrigin = configuredSite ?? `http://localhost:${port}`;

const poolMax = Number(process.env.TEPPAN_PG_POOL_MAX ?? 0);
const outboxBound = outboxBoundFromEnv(process.env);
const opened = await openStore(dbFile, { ...(poolMax > 0 ? { max: poolMax } : {}), ...(outboxBound ? { outboxBound } : {}) });
// Every instance runs a sender: each message is claimed by one of them.
const mailer = mail.smtpUrl
  ? startMailer({ store: opened, send: smtpSender(mail.smtpUrl, mail.from), retry: mail.retry, pollMs: mail.pollMs, digestMs: mail.digestMs })
  : undefined;
const store = mailer ? kickingOnQueue(opened, () => void mailer.kick()) : opened;
// One business clock for the requests and the reminders: chaos (tests) moves both at once.
const clock = createBusinessClock();
const reminderPollMs = Number(process.env.TEPPAN_REMINDER_POLL_MS ?? 60_000);
if (!(Number.isInteger(reminderPollMs) && reminderPollMs > 0)) throw new Error('TEPPAN_REMINDER_POLL_MS: a whole number of milliseconds above 0.');
const built = (dir: string) => (existsSync(dir) ? dir : undefined);
const toolsBuilding = process.env.TEPPAN_TOOLS_BUILDING === '1';
const fetch = createNodeApp({
  store,
  chaos,
  tenants,
  stripe,
  llm,
  demoRoot: built('dist/demo'),
  embedRoot: built('dist/embed'),
  // `npm start` builds Storybook after the server is up, so it mounts these before they exist; `npm run server`
  // (an API instance) mounts only what is there.
  reportsRoot: toolsBuilding ? 'dist/reports' : built('dist/reports'),
  storybookRoot: toolsBuilding ? 'dist/storybook' : built('dist/storybook'),
  // The builds `npm run bench` compares with the embed, when built.
  variantRoots: Object.fromEntries(['embed-eager', 'embed-react'].flatMap((name) => (existsSync(`dist/${name}`) ? [[`/${name}`, `dist/${name}`]] : []))),
  trustProxy,
  rateLimits,
  limits,
  mailbox: !mail.smtpUrl,
  siteOrigin: () => siteOrigin,
  clock,
});
const { servers, port: actualPort } = await listen(fetch, port, hosts).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} is already in use. Stop what uses it, or start on another port: PORT=8788 npm start`);
  process.exit(1);
});

siteOrigin = configuredSite ?? `http://localhost:${actualPort}`;
// Every instance runs the scheduler too: each reminder is claimed in the store by one of them.
const reminders = startReminders({
  store,
  tenants,
  now: clock.now,
  links: manageLinks(store, () => siteOrigin),
  pollMs: reminderPollMs,
  onQueued: () => void mailer?.kick(),
});

// Tests started with PORT=0 read the port from this line.
const extras = [
  chaos && 'chaos on',
  tenants.length > 1 && `${tenants.length} tenants`,
  stripe && `Stripe at ${stripe.apiBase}`,
  llm && `chat model ${llm.model} at ${new URL(llm.url).origin}`,
  trustProxy && 'addresses from X-Forwarded-For',
  rateLimits === false && 'rate limits off',
  mail.smtpUrl ? `mail to ${describeSmtp(mail.smtpUrl)}` : 'mail kept at /mail/',
]
  .filter(Boolean)
  .join(', ');
console.log(`Teppan reference API and demo on http://localhost:${actualPort}/ (db ${describeDb(dbFile)}${extras ? `, ${extras}` : ''})`);

/**
 * SIGTERM (a deploy, a scale-down): stop accepting connections, let the
 * requests in flight finish (a streamed reply too) for up to `DRAIN_MS`,
 * then cut what is left, close the database pool and exit, all within the
 * 10 s an orchestrator usually allows before SIGKILL. A request cut here
 * loses nothing: its idempotency claim is freed by its lease running out.
 */
const DRAIN_MS = 6_000;
// The mail sender and the store get this long each: with the drain, within 10 s.
const CLOSE_STORE_MS = 1_500;
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[teppan] ${signal}: not accepting connections; finishing requests in flight (at most ${DRAIN_MS / 1000} s)`);
  const drained = Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  // `close` ends the connections idle at that moment; a keep-alive connection whose response finishes later is ended as it goes idle.
  const idle = setInterval(() => {
    for (const s of servers) s.closeIdleConnections();
  }, 100);
  const cut = setTimeout(() => {
    console.warn('[teppan] requests still running at the drain deadline: closing their connections');
    for (const s of servers) s.closeAllConnections();
  }, DRAIN_MS);
  await drained;
  clearTimeout(cut);
  clearInterval(idle);
  // A message being sent is recorded first; one cut off is sent again, with its Message-ID, once its lease runs out.
  // A reminder pass cut off has claimed and queued each of its reminders whole, or not at all.
  await Promise.race([Promise.all([reminders.stop(), mailer?.stop()]), new Promise((resolve) => setTimeout(resolve, CLOSE_STORE_MS))]);
  await Promise.race([store.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_STORE_MS))]).catch((error: unknown) =>
    console.error(`[teppan] closing the store failed: ${String(error)}`),
  );
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
