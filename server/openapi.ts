import {
  adminBookingList,
  adminConversationList,
  adminLeadList,
  adminMessageList,
  availability,
  availabilityQuery,
  booking,
  bookingRequest,
  cancelRequest,
  cancelResponse,
  catalog,
  chatMessageRequest,
  chatStreamEvent,
  conversation,
  health,
  lead,
  leadRequest,
  manageView,
  payment,
  paymentAuthenticateRequest,
  paymentConfirmRequest,
  problemDetails,
  quote,
  quoteRequest,
  rescheduleRequest,
  rescheduleResponse,
} from '../src/contract';
import { z } from '../src/contract/zod';
import { clockRequest, faultRule } from './chaos';
import { DEFAULT_PAGE, MAX_PAGE } from './http/page';

type Schema = z.ZodMiniType;

function jsonSchema(schema: Schema, io: 'input' | 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const errors = {
  '401': problem('Missing or unknown key'),
  '403': problem('Key not allowed here (publishable key on an admin route, or an origin the tenant does not allow)'),
  '422': problem('Validation failed; `errors` lists each field'),
  '429': {
    ...problem('Too many requests (code rate-limited): wait Retry-After seconds. Every answer says what is left in RateLimit and RateLimit-Policy'),
    headers: {
      'Retry-After': { description: 'Seconds until the request would be let through', schema: { type: 'integer' } },
      RateLimit: { description: 'draft-ietf-httpapi-ratelimit-headers: per policy, r (left) and t (seconds until whole)', schema: { type: 'string' } },
      'RateLimit-Policy': {
        description: 'draft-ietf-httpapi-ratelimit-headers: per policy, q (burst) and w (seconds to refill it)',
        schema: { type: 'string' },
      },
    },
  },
  '503': {
    ...problem('The database cannot be reached (code database-unavailable): wait Retry-After seconds and retry; a retry with the same Idempotency-Key is safe'),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
  },
};
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  description:
    'One random key per user intent, reused for every retry. Same key and body: the first response is replayed (Idempotent-Replayed: true); same key, other body: 422; while the first is running: 409.',
  schema: { type: 'string', minLength: 8, maxLength: 255 },
};
/** `?limit=` and `?cursor=` of an admin list. */
const pageParameters = [
  {
    name: 'limit',
    in: 'query',
    required: false,
    description: `Rows in the page: ${DEFAULT_PAGE} when not given, at most ${MAX_PAGE}; another value is a 422 naming \`limit\``,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
  },
  {
    name: 'cursor',
    in: 'query',
    required: false,
    description:
      'The `nextCursor` of the page before, passed back unchanged (opaque); none for the first page. A cursor the API did not give is a 422 naming `cursor`',
    schema: { type: 'string' },
  },
];

/** An admin list's answer (its array, and `nextCursor` beside it), with what the cursor is for. */
function adminPage(list: Schema) {
  const schema = jsonSchema(list, 'output') as { properties?: Record<string, object> };
  return {
    ...schema,
    properties: {
      ...schema.properties,
      nextCursor: { ...schema.properties?.nextCursor, description: 'Pass as `cursor` for the next page; null on the last page' },
    },
  };
}

const publishable = [{ bearer: [] }, { keyParam: [] }];
const tokenParam = { name: 'token', in: 'path', required: true, description: 'The manage link’s token (opaque)', schema: { type: 'string' } };
const linkInvalid = problem(
  'A wrong, altered or expired link (manage-link-invalid): the same answer whatever the token, saying nothing of which bookings exist',
);
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const paymentRefusals = {
  '404': problem('Unknown booking or payment (code booking-not-found, payment-not-found)'),
  '409': problem('Deposit already paid (booking-already-paid), booking cancelled, attempt already ended (payment-finished), or the same key in flight'),
  '410': problem('The hold expired and its seating was released (hold-expired); nothing was charged'),
};

const NDJSON_EXAMPLE = [
  '{"type":"start","conversationId":"cv_4kQ…","messageId":"9b2f0c1e-…","replyId":"msg_Zp1…"}',
  '{"type":"delta","text":"92660 is 37 "}',
  '{"type":"delta","text":"miles from us: "}',
  '{"type":"delta","text":"travel is $14."}',
  '{"type":"end","message":{"id":"msg_Zp1…","role":"assistant","text":"92660 is 37 miles from us: travel is $14.","createdAt":"2027-03-14T18:00:00.000Z","actions":[{"type":"quote","label":"Get a quote"}],"confident":true}}',
  '',
].join('\n');

/** The parts of the document code reads; the rest is data. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  [part: string]: unknown;
}

let cached: OpenApiDocument | undefined;

/** The contract as OpenAPI 3.1, generated from the same zod schemas the server validates with. */
export function openApiDocument(origin: string): OpenApiDocument {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Teppan API',
      version: '1.0.0',
      description:
        'Quotes, availability, bookings, deposit payments, chat and leads for the Teppan widgets. Amounts are integer cents. Errors are RFC 9457 problem details. Browser calls use a publishable key (pk_…); admin calls a secret key (sk_…).',
    },
    paths: {
      '/api/v1/health': {
        get: {
          summary: 'Health: this instance and the dependencies a request needs (the database)',
          security: [],
          responses: {
            '200': { description: 'Up, and the database answers', content: json('Health') },
            '503': {
              ...problem(
                'A dependency is down (code dependency-down; `dependency` names it, e.g. database): take this instance out of rotation until it is 200 again',
              ),
              headers: { 'Retry-After': { description: 'Seconds before asking again', schema: { type: 'integer' } } },
            },
          },
        },
      },
      '/api/v1/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/api/v1/catalog': {
        get: {
          summary: 'Tenant name, currency, time zone, prices, upgrades, add-ons, travel rule, deposit',
          security: publishable,
          responses: { '200': { description: 'Catalog', content: json('Catalog') }, ...errors },
        },
      },
      '/api/v1/quotes': {
        post: {
          summary: 'Price an event (authoritative)',
          security: publishable,
          parameters: [{ ...idempotencyKey, required: false }],
          requestBody: { required: true, content: json('QuoteRequest') },
          responses: { '201': { description: 'Quote', content: json('Quote') }, '400': problem('Malformed JSON'), ...errors },
        },
      },
      '/api/v1/quotes/{id}': {
        get: {
          summary: 'A quote by id',
          security: publishable,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Quote', content: json('Quote') }, '404': problem('Unknown quote'), ...errors },
        },
      },
      '/api/v1/availability': {
        get: {
          summary: 'Seatings per day with the chef teams still free',
          security: publishable,
          parameters: ['from', 'to', 'guests'].map((name) => ({
            name,
            in: 'query',
            required: name !== 'guests',
            schema: (jsonSchema(availabilityQuery, 'input').properties as Record<string, unknown>)[name],
          })),
          responses: { '200': { description: 'Availability', content: json('Availability') }, ...errors },
        },
      },
      '/api/v1/bookings': {
        post: {
          summary: 'Hold a seating for a quote until the deposit is paid',
          security: publishable,
          parameters: [{ ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('BookingRequest') },
          responses: {
            '201': { description: 'Booking, status pending_deposit', content: json('Booking') },
            '400': problem('Malformed JSON or missing Idempotency-Key'),
            '409': problem('Seating full, or the same key still in flight (Retry-After)'),
            ...errors,
          },
        },
      },
      '/api/v1/bookings/{id}': {
        get: {
          summary: 'Status and amounts of one booking',
          security: publishable,
          parameters: [idParam],
          responses: { '200': { description: 'Booking', content: json('Booking') }, '404': problem('Unknown booking'), ...errors },
        },
      },
      '/api/v1/bookings/{id}/calendar.ics': {
        get: {
          summary: 'The event as an iCalendar file, at its local time in the tenant’s zone',
          security: publishable,
          parameters: [idParam],
          responses: {
            '200': { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: { type: 'string' } } } },
            '404': problem('Unknown booking'),
            ...errors,
          },
        },
      },
      '/api/v1/bookings/{id}/payments': {
        post: {
          summary: 'Start the deposit payment of a held booking (the amount is the booking’s deposit; the provider the tenant’s)',
          security: publishable,
          parameters: [idParam, { ...idempotencyKey, required: true }],
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } } },
          responses: { '201': { description: 'Payment, status requires_confirmation', content: json('Payment') }, ...paymentRefusals, ...errors },
        },
      },
      '/api/v1/payments/{id}/confirm': {
        post: {
          summary:
            'Test provider: pay with a test card. 4242 4242 4242 4242 succeeds (and confirms the booking in the same transaction); 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 insufficient funds; 4000 0025 0000 3155 requires authentication. A decline is a 200 with status failed and a declineCode.',
          security: publishable,
          parameters: [idParam, { ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('PaymentConfirmRequest') },
          responses: { '200': { description: 'Payment: succeeded, failed or requires_action', content: json('Payment') }, ...paymentRefusals, ...errors },
        },
      },
      '/api/v1/payments/{id}/authenticate': {
        post: {
          summary: 'Test provider: the visitor approves or cancels the card’s authentication step',
          security: publishable,
          parameters: [idParam, { ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('PaymentAuthenticateRequest') },
          responses: {
            '200': { description: 'Payment: succeeded, or failed with authentication_failed', content: json('Payment') },
            ...paymentRefusals,
            ...errors,
          },
        },
      },
      '/api/v1/payments/{id}': {
        get: {
          summary: 'A payment as it stands (asks the provider first while it is unfinished)',
          security: publishable,
          parameters: [idParam],
          responses: { '200': { description: 'Payment', content: json('Payment') }, '404': problem('Unknown payment'), ...errors },
        },
      },
      '/api/v1/chat/messages': {
        post: {
          summary:
            'Send a visitor’s message; the reply streams back. Without conversationId a new conversation starts (its id is in the start event). The message and the reply are stored in the conversation; nothing typed is interpreted, only stored and answered as text',
          security: publishable,
          parameters: [{ ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('ChatMessageRequest') },
          responses: {
            '200': {
              description:
                'The reply as newline-delimited JSON, one ChatStreamEvent per line as it is written: `start` (the conversation, the message and the reply’s id), `delta`s of text, then `end` with the reply as stored, or `error` with a problem (nothing was kept; send again). The server finishes and stores the reply even if the connection drops; the same Idempotency-Key then replays the stored events at once (Idempotent-Replayed: true), and gets 409 idempotency-in-flight with Retry-After while the first is still being answered.',
              content: { 'application/x-ndjson': { schema: ref('ChatStreamEvent'), example: NDJSON_EXAMPLE } },
            },
            '400': problem('Malformed JSON or missing Idempotency-Key'),
            '404': problem('Unknown conversation (conversation-not-found): start a new one without conversationId'),
            '409': problem(
              'The same key still in flight (idempotency-in-flight, Retry-After), this message id already used for another text (message-id-reused), or this message being answered under another key (message-in-flight, Retry-After)',
            ),
            ...errors,
          },
        },
      },
      '/api/v1/chat/conversations/{id}': {
        get: {
          summary: 'A conversation’s history, oldest first (ids are unguessable)',
          security: publishable,
          parameters: [idParam],
          responses: { '200': { description: 'Conversation', content: json('Conversation') }, '404': problem('Unknown conversation'), ...errors },
        },
      },
      '/api/v1/leads': {
        post: {
          summary: 'Contact details and a question left for a person (the chat’s “Talk to a person”): an email or a phone, or both',
          security: publishable,
          parameters: [{ ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('LeadRequest') },
          responses: {
            '201': { description: 'Lead (a conversationId this tenant does not have is left out)', content: json('Lead') },
            '400': problem('Malformed JSON or missing Idempotency-Key'),
            '409': problem('The same key still in flight (Retry-After)'),
            ...errors,
            '429': {
              ...errors['429'],
              description:
                'Too many requests (code rate-limited), or too many leads this hour from this visitor or to this business (code too-many-leads, a handful an hour): wait Retry-After seconds. A replay of a stored lead never counts',
            },
          },
        },
      },
      '/api/v1/manage/{token}': {
        get: {
          summary:
            'The booking behind a manage link (the token from the confirmation email), what the customer may do now, and what cancelling would refund. Reads only: opening the link changes nothing',
          security: publishable,
          parameters: [tokenParam],
          responses: { '200': { description: 'The booking and its policy', content: json('ManageView') }, '404': linkInvalid, ...errors },
        },
      },
      '/api/v1/manage/{token}/reschedule': {
        post: {
          summary:
            'Move the booking to another seating: same booking, same payment, the deposit goes with it, never a second charge. A date priced otherwise is re-quoted (balanceDueCents)',
          security: publishable,
          parameters: [tokenParam, { ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('RescheduleRequest') },
          responses: {
            '200': { description: 'The booking on its new seating', content: json('RescheduleResponse') },
            '404': linkInvalid,
            '409': problem(
              'Inside the policy’s reschedule window (too-late-to-reschedule), the seating filled (seating-full), the booking cancelled (booking-cancelled), or the same key in flight',
            ),
            ...errors,
          },
        },
      },
      '/api/v1/manage/{token}/cancel': {
        post: {
          summary:
            'Cancel the booking (until the event starts) and free its seating; the deposit is refunded through the payment provider when the policy’s refund window is still open. Cancelling again answers the cancellation as it stands, with the one refund made',
          security: publishable,
          parameters: [tokenParam, { ...idempotencyKey, required: true }],
          requestBody: { required: true, content: json('CancelRequest') },
          responses: {
            '200': { description: 'The cancelled booking and what was refunded', content: json('CancelResponse') },
            '404': linkInvalid,
            '409': problem('The event has started (too-late-to-cancel), or the same key in flight'),
            '502': problem('The booking is cancelled but the provider did not confirm the refund (payment-provider-error): retry with the same key'),
            ...errors,
          },
        },
      },
      '/api/v1/webhooks/stripe': {
        post: {
          summary:
            'Stripe’s webhook (called by Stripe, not browsers; no key, no CORS). Verifies Stripe-Signature (HMAC-SHA256 of "t.body" with the endpoint secret, 5 minutes’ tolerance), then retrieves the PaymentIntent the event names and settles our payment by what Stripe says',
          security: [],
          parameters: [
            {
              name: 'Stripe-Signature',
              in: 'header',
              required: true,
              description: '`t=<unix seconds>,v1=<hex HMAC>`; several v1 values may be given, one must match',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'A Stripe event' } } } },
          responses: {
            '200': {
              description: 'Received; `duplicate: true` when this event id was handled before (no effect)',
              content: { 'application/json': { schema: ref('WebhookReceipt') } },
            },
            '400': problem(
              'Missing or wrong signature (bad-signature), a timestamp outside the tolerance (stale-signature), or not an event (malformed-event)',
            ),
            '502': problem('Stripe could not be asked about the intent (payment-provider-error); Stripe redelivers the event later'),
            '503': problem('No webhook secret configured (webhooks-unavailable)'),
          },
        },
      },
      '/api/v1/admin/bookings': {
        get: {
          summary: 'The tenant’s bookings, oldest first (createdAt, then id), a page at a time',
          security: [{ bearer: [] }],
          parameters: pageParameters,
          responses: { '200': { description: 'Bookings with contact details', content: json('AdminBookingList') }, ...errors },
        },
      },
      '/api/v1/admin/leads': {
        get: {
          summary: 'The tenant’s leads, oldest first, a page at a time',
          security: [{ bearer: [] }],
          parameters: pageParameters,
          responses: { '200': { description: 'Leads', content: json('AdminLeadList') }, ...errors },
        },
      },
      '/api/v1/admin/messages': {
        get: {
          summary: 'The tenant’s outbox: every message queued, oldest first, with how its delivery went (queued, sent, failed), a page at a time',
          security: [{ bearer: [] }],
          parameters: pageParameters,
          responses: { '200': { description: 'Messages', content: json('AdminMessageList') }, ...errors },
        },
      },
      '/api/v1/admin/conversations': {
        get: {
          summary: 'The tenant’s chat conversations with their messages, oldest first (by when each started), a page at a time',
          security: [{ bearer: [] }],
          parameters: pageParameters,
          responses: { '200': { description: 'Conversations', content: json('AdminConversationList') }, ...errors },
        },
      },
      '/__chaos': {
        post: {
          summary:
            'Test servers only (TEPPAN_CHAOS=1): arm faults. Body: one rule, an array, or { faults: [...] }. A rule matches a method and path and answers with a status (with Retry-After), waits (delayMs), resets the connection before handling (reset), handles and then drops it (drop), or handles, sends the headers and cutAfterBytes bytes of the body, then drops it (a stream cut mid-answer)',
          security: [],
          requestBody: { required: true, content: json('FaultRule') },
          responses: { '201': { description: 'Armed' } },
        },
        delete: {
          summary: 'Test servers only: clear every fault and the request log, and reset the clock',
          security: [],
          responses: { '204': { description: 'Cleared' } },
        },
      },
      '/__chaos/clock': {
        post: {
          summary: 'Test servers only: move the server’s clock forward (holds expire, lead times shift)',
          security: [],
          requestBody: { required: true, content: json('ClockAdvance') },
          responses: { '200': { description: 'The offset and the server’s time now' } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'pk_… (browser) or sk_… (server only)' },
        keyParam: { type: 'apiKey', in: 'query', name: 'key', description: 'Publishable key on GETs: keeps them simple CORS requests' },
      },
      schemas: {
        Health: jsonSchema(health, 'output'),
        Problem: jsonSchema(problemDetails, 'output'),
        Catalog: jsonSchema(catalog, 'output'),
        QuoteRequest: jsonSchema(quoteRequest, 'input'),
        Quote: jsonSchema(quote, 'output'),
        Availability: jsonSchema(availability, 'output'),
        BookingRequest: jsonSchema(bookingRequest, 'input'),
        Booking: jsonSchema(booking, 'output'),
        AdminBookingList: adminPage(adminBookingList),
        PaymentConfirmRequest: jsonSchema(paymentConfirmRequest, 'input'),
        PaymentAuthenticateRequest: jsonSchema(paymentAuthenticateRequest, 'input'),
        Payment: jsonSchema(payment, 'output'),
        ChatMessageRequest: jsonSchema(chatMessageRequest, 'input'),
        ChatStreamEvent: jsonSchema(chatStreamEvent, 'output'),
        Conversation: jsonSchema(conversation, 'output'),
        LeadRequest: jsonSchema(leadRequest, 'input'),
        ManageView: jsonSchema(manageView, 'output'),
        RescheduleRequest: jsonSchema(rescheduleRequest, 'input'),
        RescheduleResponse: jsonSchema(rescheduleResponse, 'output'),
        CancelRequest: jsonSchema(cancelRequest, 'input'),
        CancelResponse: jsonSchema(cancelResponse, 'output'),
        Lead: jsonSchema(lead, 'output'),
        AdminLeadList: adminPage(adminLeadList),
        AdminConversationList: adminPage(adminConversationList),
        AdminMessageList: adminPage(adminMessageList),
        WebhookReceipt: {
          type: 'object',
          properties: { received: { const: true }, duplicate: { const: true } },
          required: ['received'],
        },
        FaultRule: jsonSchema(faultRule, 'input'),
        ClockAdvance: jsonSchema(clockRequest, 'input'),
      },
    },
  };
  return { ...cached, servers: [{ url: origin }] };
}
