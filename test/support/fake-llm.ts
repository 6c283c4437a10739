import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from '../../src/contract/zod';

/**
 * A local stand-in for an OpenAI-compatible chat-completions endpoint
 * (`POST /v1/chat/completions` with `stream: true`), answering in server-sent
 * events the way OpenAI does, or failing the ways real ones fail.
 */
export type FakeLlmBehaviour =
  /** Streams `reply` in pieces, `pieceDelayMs` apart, then `data: [DONE]`. */
  | { kind: 'answer'; reply: readonly string[]; pieceDelayMs?: number; firstPieceAfterMs?: number }
  /** Answers with this status and an OpenAI-style error body. */
  | { kind: 'fail'; status: number }
  /** Sends the headers, a role-only chunk, then nothing until the client gives up. */
  | { kind: 'silent' }
  /** Streams the first `after` pieces of `reply`, then drops the connection. */
  | { kind: 'break'; reply: readonly string[]; after: number }
  /** Sends a line that is not JSON. */
  | { kind: 'garbage' };

const request = z.object({
  model: z.string(),
  stream: z.literal(true),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
});
export type FakeLlmRequest = z.infer<typeof request> & { authorization?: string };

export interface FakeLlm {
  /** The API base, like `https://api.openai.com/v1`. */
  url: string;
  behave(behaviour: FakeLlmBehaviour): void;
  /** Requests received, oldest first. */
  requests: FakeLlmRequest[];
  stop(): Promise<void>;
}

const chunk = (delta: Record<string, string>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeLlm(): Promise<FakeLlm> {
  let behaviour: FakeLlmBehaviour = { kind: 'answer', reply: ['Hello ', 'from ', 'the model.'] };
  const requests: FakeLlmRequest[] = [];
  const encoder = new TextEncoder();

  const app = new Hono<{ Bindings: HttpBindings }>().post('/v1/chat/completions', async (c) => {
    const parsed = request.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: { message: 'Bad request', type: 'invalid_request_error' } }, 400);
    const authorization = c.req.header('authorization');
    requests.push({ ...parsed.data, ...(authorization ? { authorization } : {}) });
    const now = behaviour;
    if (now.kind === 'fail') {
      const error = { error: { message: 'The server had an error while processing your request.', type: 'server_error' } };
      return new Response(JSON.stringify(error), { status: now.status, headers: { 'Content-Type': 'application/json' } });
    }
    const socket = c.env.incoming.socket;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => controller.enqueue(encoder.encode(text));
        send(chunk({ role: 'assistant', content: '' }));
        if (now.kind === 'silent') return;
        if (now.kind === 'garbage') {
          send('data: <html>Bad gateway</html>\n\n');
          controller.close();
          return;
        }
        if (now.kind === 'answer' && now.firstPieceAfterMs) await sleep(now.firstPieceAfterMs);
        const pieces = now.kind === 'break' ? now.reply.slice(0, now.after) : now.reply;
        for (const piece of pieces) {
          if (socket.destroyed) return;
          send(chunk({ content: piece }));
          if (now.kind === 'answer' && now.pieceDelayMs) await sleep(now.pieceDelayMs);
        }
        if (now.kind === 'break') {
          // Let the pieces reach the client, then drop the connection without ending the stream.
          await sleep(30);
          socket.destroy();
          return;
        }
        send(chunk({}, 'stop'));
        send('data: [DONE]\n\n');
        controller.close();
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    behave(next) {
      behaviour = next;
    },
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
