import {
  type ChatMessageRequest,
  type ChatStreamEvent,
  type Conversation,
  chatStreamEvent,
  conversation,
  type Lead,
  type LeadRequest,
  lead,
} from '../../contract';
import type { CallOptions, CreateOptions, HttpClient } from '../../core';
import { readNdjson } from '../../core/http/ndjson';

/**
 * The chat's calls, beside the chat: only pages that open it pay for their
 * code and schemas. Same client, same policy as every other call.
 */
export interface ChatApi {
  /**
   * Sends a visitor's message; resolves once the reply starts, with its events
   * as they arrive. The key is the message's own, so a retry replays the reply.
   */
  send(body: ChatMessageRequest, o: CreateOptions): Promise<AsyncGenerator<ChatStreamEvent>>;
  conversation(id: string, o?: CallOptions): Promise<Conversation>;
  /** The "Talk to a person" form. */
  createLead(body: LeadRequest, o: CreateOptions): Promise<Lead>;
}

export function chatApi(http: HttpClient): ChatApi {
  return {
    send: async (body, o) => readNdjson(await http.stream({ method: 'POST', path: '/chat/messages', body, timing: 'chat', ...o }), chatStreamEvent, o.signal),
    conversation: (id, o) =>
      http.request({
        method: 'GET',
        path: `/chat/conversations/${encodeURIComponent(id)}`,
        route: '/chat/conversations/:id',
        schema: conversation,
        timing: 'lookup',
        ...o,
      }),
    createLead: (body, o) => http.request({ method: 'POST', path: '/leads', body, schema: lead, timing: 'lookup', ...o }),
  };
}
