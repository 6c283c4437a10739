import type { ZodMiniType } from 'zod/mini';
import { TeppanError } from '../errors';

const CUT = 'The answer was cut off before it was complete.';

function parseLine<T>(line: string, schema: ZodMiniType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (cause) {
    throw new TeppanError({ kind: 'bad_response', cause });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new TeppanError({ kind: 'bad_response', cause: parsed.error });
  return parsed.data;
}

/**
 * Newline-delimited JSON as it arrives, each line checked against the
 * contract. A connection lost mid-way is a `network` error (what arrived
 * before it has already been yielded); a line that breaks the contract is
 * `bad_response`; the caller's abort is `aborted`.
 */
export async function* readNdjson<T>(body: ReadableStream<Uint8Array>, schema: ZodMiniType<T>, signal?: AbortSignal): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  // The caller's abort (Stop) ends the body here: past its first byte, the HTTP layer no longer holds it.
  const stop = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw new TeppanError({ kind: signal?.aborted ? 'aborted' : 'network', userMessage: signal?.aborted ? undefined : CUT, cause });
      }
      if (chunk.done) {
        if (signal?.aborted) throw new TeppanError({ kind: 'aborted' });
        break;
      }
      // `stream: true`: a character split across two chunks waits for its second half.
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) yield parseLine(line, schema);
      }
    }
    if (buffer.trim()) yield parseLine(buffer.trim(), schema);
  } finally {
    signal?.removeEventListener('abort', stop);
    // The reader stopped early (Stop, or an error): let the connection go.
    reader.cancel().catch(() => {});
  }
}
