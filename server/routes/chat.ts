import { Hono } from 'hono';
import { chatMessageRequest, type Lead, leadRequest } from '../../src/contract';
import type { Answerer } from '../chat/answerer';
import { answerLanguage } from '../chat/language';
import { publicMessage, storedReplyBody, streamHeaders, streamReply } from '../chat/reply';
import { newResourceId } from '../domain/ids';
import { languageOf } from '../domain/language';
import type { AppEnv } from '../http/env';
import { claimKey } from '../http/key-lease';
import { nextCursorOf, pageRequestOf } from '../http/page';
import { Problem } from '../http/problem';
import { jsonBody } from '../http/validate';
import { leadMessages } from '../mail/messages';
import type { Store, StoredChatMessage, StoredConversation } from '../store/types';

const conversationNotFound = () =>
  new Problem({ status: 404, code: 'conversation-not-found', title: 'Conversation not found', detail: 'No conversation has that id. Start a new one.' });

const inFlight = () =>
  new Problem({
    status: 409,
    code: 'message-in-flight',
    title: 'Message being answered',
    detail: 'This message is being answered right now. Retry shortly to get its reply.',
    headers: { 'Retry-After': '1' },
  });

const conversationView = (c: StoredConversation) => ({ id: c.id, messages: c.messages.map(publicMessage) });

/**
 * The chat and its way to a person: a message and its streamed reply, a conversation's history, a lead.
 * `clock` is the wall clock the reply's claim is leased on (see key-lease.ts).
 */
export function chatRoutes(store: Store, now: () => number, clock: () => number, answerer: Answerer) {
  return new Hono<AppEnv>()
    .post('/chat/messages', async (c) => {
      const tenant = c.get('tenant');
      const { conversationId: asked, messageId, text, locale } = await jsonBody(c, chatMessageRequest);
      const conversationId = asked ?? newResourceId('cv');
      // Always there: the route requires an Idempotency-Key. Taken over from here: a throw frees the key.
      const settlement = c.get('idempotency')?.takeOver() ?? { async finish() {}, async release() {} };
      // The Idempotency-Key guards a retry; this claim, shared by every instance, guards the same message sent
      // under another key: one message is answered by one request at a time.
      const claim = await claimKey(store, `${tenant.id} chat-reply`, `${conversationId}/${messageId}`, '', clock);
      if (claim.state !== 'started') throw inFlight();
      const reply = claim.held;
      try {
        // Read under the claim: whatever an earlier request for this message stored is in it.
        const conversation = asked ? await store.getConversation(tenant.id, asked) : undefined;
        if (asked && !conversation) throw conversationNotFound();
        const messages = conversation?.messages ?? [];
        const earlier = messages.findIndex((m) => m.role === 'visitor' && m.id === messageId);
        const sent = messages[earlier];
        if (sent && sent.text !== text) {
          throw new Problem({
            status: 409,
            code: 'message-id-reused',
            title: 'Message id reused',
            detail: 'This conversation already has another message with this id. Give a new message a new id.',
          });
        }
        const answered = sent && messages.find((m) => m.replyTo === sent.id);
        if (sent && answered) {
          await reply.release();
          const body = storedReplyBody(conversationId, sent, answered);
          await settlement.finish({ status: 200, body });
          return new Response(body, { status: 200, headers: streamHeaders });
        }
        // A message stored by an attempt that died before its reply is answered now, not stored twice.
        const visitor: StoredChatMessage = sent ?? { id: messageId, role: 'visitor', text, createdAt: new Date(now()).toISOString() };
        if (!sent) await store.addChatMessage(tenant.id, conversationId, visitor, now());
        const history = (sent ? messages.slice(0, earlier) : messages).map(publicMessage);
        return streamReply({
          store,
          tenant,
          conversationId,
          visitor,
          history,
          language: answerLanguage(text, locale),
          answerer,
          now,
          requestId: c.get('requestId'),
          settlement: {
            async finish(response) {
              await reply.release();
              return settlement.finish(response);
            },
            async release() {
              await reply.release();
              return settlement.release();
            },
          },
        });
      } catch (error) {
        // The key is freed by the idempotency middleware: nothing was created.
        await reply.release();
        throw error;
      }
    })
    .get('/chat/conversations/:id', async (c) => {
      const conversation = await store.getConversation(c.get('tenant').id, c.req.param('id'));
      if (!conversation) throw conversationNotFound();
      c.header('Cache-Control', 'no-store');
      return c.json(conversationView(conversation));
    })
    .post('/leads', async (c) => {
      const tenant = c.get('tenant');
      const input = await jsonBody(c, leadRequest);
      // A conversation this tenant does not have (another server's, a stale id) is left out, not refused: the visitor cannot fix it.
      const conversation = input.conversationId ? await store.getConversation(tenant.id, input.conversationId) : undefined;
      const conversationId = conversation?.id;
      const lead: Lead = {
        id: newResourceId('ld'),
        name: input.name,
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        question: input.question,
        ...(conversationId ? { conversationId } : {}),
        locale: languageOf(input.locale),
        createdAt: new Date(now()).toISOString(),
      };
      const stored = { ...lead, tenantId: tenant.id };
      await store.createLead(stored, leadMessages(tenant, stored, conversation, now()));
      c.header('Cache-Control', 'no-store');
      return c.json(lead, 201);
    });
}

/** What the business reads: its leads and conversations, oldest first, a page at a time. */
export function chatAdminRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/leads', async (c) => {
      const page = await store.listLeads(c.get('tenant').id, pageRequestOf(c));
      return c.json({ leads: page.items.map(({ tenantId: _, ...lead }) => lead), nextCursor: nextCursorOf(page) });
    })
    .get('/conversations', async (c) => {
      const page = await store.listConversations(c.get('tenant').id, pageRequestOf(c));
      return c.json({ conversations: page.items.map(conversationView), nextCursor: nextCursorOf(page) });
    });
}
