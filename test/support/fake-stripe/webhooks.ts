import { createHmac } from 'node:crypto';

/**
 * The fake's side of Stripe webhooks: events as Stripe shapes them, signed as
 * Stripe signs them, delivered (or withheld, or delayed) to one endpoint.
 */

export interface FakeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: Record<string, unknown> };
}

export interface Delivery {
  eventId: string;
  type: string;
  /** The endpoint's status, or 0 when it could not be reached. */
  status: number;
  body: string;
  at: number;
}

export interface WebhookSettings {
  url?: string;
  secret: string;
  /** `withhold` keeps events until `flush()`: tests of settling without webhooks. */
  mode: 'send' | 'withhold';
  /** Wait before each delivery, as Stripe's queue sometimes does. */
  delayMs: number;
}

/** `Stripe-Signature` for `payload` signed at `timestamp` (unix seconds), as Stripe sends it. */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export function createWebhooks(settings: WebhookSettings) {
  const events: FakeEvent[] = [];
  const deliveries: Delivery[] = [];
  let withheld: FakeEvent[] = [];
  const pending = new Set<Promise<unknown>>();

  async function deliver(event: FakeEvent): Promise<Delivery> {
    if (!settings.url) throw new Error('fake Stripe: no webhook URL set');
    // Stripe sends the event pretty-printed; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2);
    let delivery: Delivery;
    try {
      const res = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signStripePayload(payload, settings.secret),
        },
        body: payload,
      });
      delivery = { eventId: event.id, type: event.type, status: res.status, body: await res.text(), at: Date.now() };
    } catch (error) {
      delivery = { eventId: event.id, type: event.type, status: 0, body: String(error), at: Date.now() };
    }
    deliveries.push(delivery);
    return delivery;
  }

  function track<T>(work: Promise<T>): Promise<T> {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => {});
    return work;
  }

  return {
    events,
    deliveries,
    /** Records an event and sends it now, later, or not until flushed. */
    emit(event: FakeEvent) {
      events.push(event);
      if (!settings.url) return;
      if (settings.mode === 'withhold') {
        withheld.push(event);
        return;
      }
      const { delayMs } = settings;
      track(new Promise((r) => setTimeout(r, delayMs)).then(() => deliver(event)));
    },
    /** Delivers every withheld event, oldest first. */
    async flush(): Promise<Delivery[]> {
      const out: Delivery[] = [];
      const queue = withheld;
      withheld = [];
      for (const event of queue) out.push(await track(deliver(event)));
      return out;
    },
    /** Sends an event again, as Stripe does until it gets a 2xx (same id, fresh signature). */
    redeliver(eventId: string): Promise<Delivery> {
      const event = events.find((e) => e.id === eventId);
      if (!event) throw new Error(`fake Stripe: no event ${eventId}`);
      return track(deliver(event));
    },
    /** Resolves once every delivery under way has been answered. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    withheldCount: () => withheld.length,
  };
}
