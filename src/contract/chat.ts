import { isoDateTime, nextCursor, problemDetails, resourceId, visitorLocale } from './common';
import { lazySchema } from './lazy';
import { emailAddress, multiLineText, phoneNumber, singleLineText } from './text';
import { z } from './zod';

/** What a visitor writes in the chat: the composer checks it with this before sending. */
export const chatText = lazySchema(() =>
  multiLineText('Message', 2000, {
    required: 'Type a message.',
    tooLong: 'Messages are limited to 2,000 characters. Split it in two.',
  }),
);

/** A visitor's message: `messageId` is made when it is typed, and its reply is keyed by it. */
export const chatMessageRequest = lazySchema(() =>
  z.strictObject({
    /** Absent on the first message: the server starts a conversation and names it in the reply. */
    conversationId: z.optional(resourceId),
    messageId: z.string('Give the message an id.').check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'Use 8 to 64 letters, digits, - or _ (a UUID).')),
    text: chatText,
    /**
     * The language the widget speaks (a BCP 47 tag: `es`, `es-MX`). The reply is in the language the text is
     * written in when it says (a visitor who writes Spanish reads Spanish), else in this one, else English.
     */
    locale: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, 'Use a language tag such as es or es-MX.'))),
  }),
);
export type ChatMessageRequest = z.input<typeof chatMessageRequest>;

export const chatRole = lazySchema(() => z.enum(['visitor', 'assistant']));
export type ChatRole = z.infer<typeof chatRole>;

/**
 * What a reply offers besides its words: `quote` opens (or scrolls to) the
 * quote calculator, `handoff` the form that reaches a person.
 */
export const chatAction = lazySchema(() => z.object({ type: z.enum(['quote', 'handoff']), label: z.string() }));
export type ChatAction = z.infer<typeof chatAction>;

export const chatMessage = lazySchema(() =>
  z.object({
    id: z.string(),
    role: chatRole,
    /** Plain text. Clients render it as text: links only where it names a safe URL. */
    text: z.string(),
    createdAt: isoDateTime,
    /** Replies only: what the visitor can do next. */
    actions: z.optional(z.array(chatAction)),
    /** Replies only: false when no answer was confident and a person is offered instead. */
    confident: z.optional(z.boolean()),
  }),
);
export type ChatMessage = z.infer<typeof chatMessage>;

export const conversation = lazySchema(() =>
  z.object({
    id: resourceId,
    messages: z.array(chatMessage),
  }),
);
export type Conversation = z.infer<typeof conversation>;

/**
 * The reply to a message, streamed as newline-delimited JSON, one event per
 * line: `start` (the conversation and the reply's id), then `delta`s of text,
 * then `end` with the reply as stored, or `error` with a problem. A replay of
 * the same Idempotency-Key sends the same events again, all at once.
 */
export const chatStreamEvent = lazySchema(() =>
  z.union([
    z.object({ type: z.literal('start'), conversationId: resourceId, messageId: z.string(), replyId: z.string() }),
    z.object({ type: z.literal('delta'), text: z.string() }),
    z.object({ type: z.literal('end'), message: chatMessage }),
    z.object({ type: z.literal('error'), problem: problemDetails }),
  ]),
);
export type ChatStreamEvent = z.infer<typeof chatStreamEvent>;

/** The "Talk to a person" form. Email or phone (or both) so the team can answer. */
export const leadRequest = lazySchema(() =>
  z
    .strictObject({
      name: singleLineText('Name', 100),
      email: z.optional(emailAddress({ optional: true })),
      phone: z.optional(phoneNumber({ optional: true })),
      question: multiLineText('Your question', 2000, { required: 'Tell us what you’d like to know.', tooLong: 'Keep it under 2,000 characters.' }),
      conversationId: z.optional(resourceId),
      locale: z.optional(visitorLocale()),
    })
    .check(z.refine((l) => Boolean(l.email || l.phone), { message: 'Give an email or a phone number so the team can answer.', path: ['email'] })),
);
export type LeadRequest = z.input<typeof leadRequest>;

export const lead = lazySchema(() =>
  z.object({
    id: resourceId,
    name: z.string(),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    question: z.string(),
    conversationId: z.optional(resourceId),
    /** The language the visitor wrote in (`en` or `es`). */
    locale: z.optional(z.string()),
    createdAt: isoDateTime,
  }),
);
export type Lead = z.infer<typeof lead>;

export const adminLeadList = lazySchema(() => z.object({ leads: z.array(lead), nextCursor: nextCursor() }));
export const adminConversationList = lazySchema(() => z.object({ conversations: z.array(conversation), nextCursor: nextCursor() }));
