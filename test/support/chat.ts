import { adminConversationList, adminLeadList, type ChatStreamEvent, type Conversation, chatStreamEvent, type Lead } from '../../src/contract';
import { adminListAll } from './admin-list';
import { PK } from './fixtures';

export interface Received {
  status: number;
  headers: Headers;
  events: ChatStreamEvent[];
  /** Milliseconds from sending to each line's arrival. */
  arrivals: number[];
  /** The body ended before its end (a dropped connection). */
  cut: boolean;
  /** Text that arrived after the last complete line. */
  rest: string;
}

/** Reads newline-delimited events as they arrive, each checked against the contract, until the body ends or breaks. */
export async function readEvents(res: Response, sentAt = Date.now()): Promise<Received> {
  const events: ChatStreamEvent[] = [];
  const arrivals: number[] = [];
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let cut = false;
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        events.push(chatStreamEvent.parse(JSON.parse(buffer.slice(0, nl))));
        arrivals.push(Date.now() - sentAt);
        buffer = buffer.slice(nl + 1);
      }
    }
  } catch {
    cut = true;
  }
  return { status: res.status, headers: res.headers, events, arrivals, cut, rest: buffer };
}

export function chatPost(url: string, body: { conversationId?: string; messageId?: string; text: string; locale?: string }, key: string = crypto.randomUUID()) {
  return fetch(`${url}/api/v1/chat/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, 'idempotency-key': key },
    body: JSON.stringify({ messageId: crypto.randomUUID(), ...body }),
  });
}

/** Sends a message and reads its whole reply. */
export async function ask(url: string, body: { conversationId?: string; messageId?: string; text: string; locale?: string }, key?: string): Promise<Received> {
  const sentAt = Date.now();
  return readEvents(await chatPost(url, body, key), sentAt);
}

export const startOf = (r: Received) => r.events.find((e) => e.type === 'start');
export const endOf = (r: Received) => r.events.find((e) => e.type === 'end');
export const deltasOf = (r: Received) => r.events.flatMap((e) => (e.type === 'delta' ? [e.text] : []));

export async function adminConversations(url: string): Promise<Conversation[]> {
  return adminConversationList.parse({ conversations: await adminListAll(url, 'conversations'), nextCursor: null }).conversations;
}

export async function adminLeads(url: string): Promise<Lead[]> {
  return adminLeadList.parse({ leads: await adminListAll(url, 'leads'), nextCursor: null }).leads;
}
