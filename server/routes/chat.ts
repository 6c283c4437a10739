import { Hono } from 'hono';
import { chatMessageRequest, type Lead, leadRequest } from '../../src/contract';
import type { Answerer } from '../chat/answerer';
import { publicMessage, storedReplyBody, streamHeaders, streamReply } from '../chat/reply';
import { newResourceId } from '../domain/ids';
import type { AppEnv } from '../http/env';
import { Problem } from '../http/problem';
import { jsonBody } from '../http/validate';
import type { Store, StoredChatMessage, StoredConversation } from '../store/types';

const conversationNotFound = () =>
  new Problem({ status: 404, code: 'conversation-not-found', title: 'Conversation not found', detail: 'No conversation has that id. Start a new one.' });

const conversationView = (c: StoredConversation) => ({ id: c.id, messages: c.messages.map(publicMessage) });

/** The chat and its way to a person: a message and its streamed reply, a conversation's history, a lead. */
export function chatRoutes(store: Store, now: () => number, answerer: Answerer) {
  /** Messages being answered in this process, so one message never gets two answers at once. */
  const answering = new Set<string>();

  return new Hono<AppEnv>()
    .post('/chat/messages', async (c) => {
      const tenant = c.get('tenant');
      const { conversationId: asked, messageId, text } = await jsonBody(c, chatMessageRequest);
      const conversation = asked ? store.getConversation(tenant.id, asked) : undefined;
      if (asked && !conversation) throw conversationNotFound();
      const conversationId = conversation?.id ?? newResourceId('cv');
      const messages = conversation?.messages ?? [];

      // The Idempotency-Key guards a retry; the message id guards the same message sent under another key.
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
      const slot = `${conversationId}/${messageId}`;
      if (answering.has(slot)) {
        throw new Problem({
          status: 409,
          code: 'message-in-flight',
          title: 'Message being answered',
          detail: 'This message is being answered right now. Retry shortly to get its reply.',
          headers: { 'Retry-After': '1' },
        });
      }
      // Always there: the route requires an Idempotency-Key.
      const settlement = c.get('idempotency')?.takeOver() ?? { finish() {}, release() {} };
      const answered = sent && messages.find((m) => m.replyTo === sent.id);
      if (sent && answered) {
        const body = storedReplyBody(conversationId, sent, answered);
        settlement.finish({ status: 200, body });
        return new Response(body, { status: 200, headers: streamHeaders });
      }

      const visitor: StoredChatMessage = sent ?? { id: messageId, role: 'visitor', text, createdAt: new Date(now()).toISOString() };
      // A message stored by an attempt that died before its reply is answered now, not stored twice.
      if (!sent) store.addChatMessage(tenant.id, conversationId, visitor, now());
      const history = (sent ? messages.slice(0, earlier) : messages).map(publicMessage);
      answering.add(slot);
      return streamReply({
        store,
        tenant,
        conversationId,
        visitor,
        history,
        answerer,
        now,
        requestId: c.get('requestId'),
        settlement: {
          finish(response) {
            answering.delete(slot);
            settlement.finish(response);
          },
          release() {
            answering.delete(slot);
            settlement.release();
          },
        },
      });
    })
    .get('/chat/conversations/:id', (c) => {
      const conversation = store.getConversation(c.get('tenant').id, c.req.param('id'));
      if (!conversation) throw conversationNotFound();
      c.header('Cache-Control', 'no-store');
      return c.json(conversationView(conversation));
    })
    .post('/leads', async (c) => {
      const tenant = c.get('tenant');
      const input = await jsonBody(c, leadRequest);
      // A conversation this tenant does not have (another server's, a stale id) is left out, not refused: the visitor cannot fix it.
      const conversationId = input.conversationId && store.getConversation(tenant.id, input.conversationId) ? input.conversationId : undefined;
      const lead: Lead = {
        id: newResourceId('ld'),
        name: input.name,
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        question: input.question,
        ...(conversationId ? { conversationId } : {}),
        createdAt: new Date(now()).toISOString(),
      };
      store.createLead({ ...lead, tenantId: tenant.id });
      c.header('Cache-Control', 'no-store');
      return c.json(lead, 201);
    });
}

/** What the business reads: every lead and every conversation, oldest first. */
export function chatAdminRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/leads', (c) => c.json({ leads: store.listLeads(c.get('tenant').id).map(({ tenantId: _, ...lead }) => lead) }))
    .get('/conversations', (c) => c.json({ conversations: store.listConversations(c.get('tenant').id).map(conversationView) }));
}
