import { describe, expect, it } from 'vitest';
import { completionPieces, LlmFailure } from './llm-stream';

/** A body that arrives in the given chunks, as a network delivers it (split anywhere). */
const body = (...chunks: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
      c.close();
    },
  });

const collect = async (stream: ReadableStream<Uint8Array>) => {
  const out: string[] = [];
  for await (const piece of completionPieces(stream)) out.push(piece);
  return out;
};
const content = (text: string) => JSON.stringify({ choices: [{ delta: { content: text }, finish_reason: null }] });

describe('a streamed chat completion', () => {
  it('yields the text of each event, whatever the chunking, and stops at [DONE]', async () => {
    const events = `: keep-alive\n\ndata: ${JSON.stringify({ choices: [{ delta: { role: 'assistant' } }] })}\n\ndata: ${content('Hel')}\r\n\r\ndata: ${content('lo ✓')}\n\ndata: [DONE]\n\ndata: ${content('after')}\n\n`;
    const bytes = new TextEncoder().encode(events);
    // Split every 7 bytes, through lines and through the multi-byte ✓.
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.slice(i, i + 7));
    expect(await collect(body(...chunks))).toEqual(['Hel', 'lo ✓']);
    expect(await collect(body(`data: ${content('no done')}\n\n`))).toEqual(['no done']);
    expect(await collect(body(`data: ${content('no blank line at the end')}`))).toEqual(['no blank line at the end']);
  });

  it.each([
    ['not JSON', 'data: <html>502</html>\n\n', /other than JSON/],
    ['an error in the stream', `data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n`, /reported an error$/],
    ['a chunk of another shape', `data: ${JSON.stringify({ choices: 'none' })}\n\n`, /unknown shape/],
  ])('refuses %s', async (_, events, why) => {
    const failure = await collect(body(events)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LlmFailure);
    expect(String(failure)).toMatch(why);
  });
});
