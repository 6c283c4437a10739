import { z } from '../../src/contract/zod';

/** One chunk of a streamed chat completion (OpenAI's shape); what else a server adds is ignored. */
const completionChunk = z.object({
  choices: z.array(
    z.object({
      delta: z.optional(z.object({ content: z.optional(z.nullable(z.string())) })),
      finish_reason: z.optional(z.nullable(z.string())),
    }),
  ),
});

/** Some servers report a failure inside the stream instead of with a status. */
const streamedError = z.object({ error: z.object({ message: z.optional(z.string()) }) });

/** Why the model's answer could not be used; the message is safe to log (never the visitor's words). */
export class LlmFailure extends Error {}

/**
 * The text pieces of a streamed chat completion: its server-sent events
 * (`data: {…}` lines, a blank line between events, `data: [DONE]` at the
 * end), each event checked against the chunk's schema as it arrives.
 */
export async function* completionPieces(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];

  function* dispatch(): Generator<string, boolean> {
    const payload = data.join('\n').trim();
    data = [];
    if (!payload) return false;
    if (payload === '[DONE]') return true;
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      throw new LlmFailure('the stream sent something other than JSON');
    }
    // Its message is not repeated: some quote the prompt, and the prompt holds the visitor's words.
    if (streamedError.safeParse(json).success) throw new LlmFailure('the stream reported an error');
    const chunk = completionChunk.safeParse(json);
    if (!chunk.success) throw new LlmFailure('the stream sent a chunk of an unknown shape');
    const content = chunk.data.choices[0]?.delta?.content;
    if (content) yield content;
    return false;
  }

  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new LlmFailure('the connection broke mid-answer');
      }
      buffer += next.done ? decoder.decode() : decoder.decode(next.value, { stream: true });
      for (let nl = buffer.search(/\r?\n/); nl >= 0; nl = buffer.search(/\r?\n/)) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(buffer[nl] === '\r' ? nl + 2 : nl + 1);
        // A blank line ends an event; `data:` lines fill it; comments (`:`) and other fields do not matter here.
        if (line === '') {
          if (yield* dispatch()) return;
        } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (next.done) break;
    }
    if (buffer.startsWith('data:')) data.push(buffer.slice(5).replace(/^ /, ''));
    yield* dispatch();
  } finally {
    reader.cancel().catch(() => {});
  }
}
