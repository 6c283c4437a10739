import { describe, expect, it } from 'vitest';
import { chatStreamEvent } from '../../contract';
import { readNdjson } from './ndjson';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A body that arrives in these pieces, then ends (or fails). */
function body(pieces: Uint8Array[], fail?: Error) {
  const queue = [...pieces];
  return new ReadableStream<Uint8Array>({
    // One piece per read, as a network delivers them; the failure comes after the last.
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else if (fail) controller.error(fail);
      else controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const seen: unknown[] = [];
  try {
    for await (const event of readNdjson(stream, chatStreamEvent)) seen.push(event);
  } catch (error) {
    return { seen, error };
  }
  return { seen, error: undefined };
}

describe('readNdjson', () => {
  it('yields each line as it completes, whatever the chunks, a character split across two included', async () => {
    const text = `${JSON.stringify({ type: 'delta', text: 'Hibachi ' })}\n${JSON.stringify({ type: 'delta', text: 'for 12 — ok' })}\n`;
    const all = bytes(text);
    const dash = text.indexOf('—');
    const cut = new TextEncoder().encode(text.slice(0, dash)).length + 1; // inside the 3-byte dash
    const { seen, error } = await collect(body([all.slice(0, 5), all.slice(5, cut), all.slice(cut)]));
    expect(error).toBeUndefined();
    expect(seen).toEqual([
      { type: 'delta', text: 'Hibachi ' },
      { type: 'delta', text: 'for 12 — ok' },
    ]);
  });

  it('keeps what arrived when the connection is cut, and says the answer was cut off', async () => {
    const { seen, error } = await collect(body([bytes('{"type":"delta","text":"Half an"}\n{"type":"del')], new TypeError('network error')));
    expect(seen).toEqual([{ type: 'delta', text: 'Half an' }]);
    expect(error).toMatchObject({ kind: 'network', userMessage: expect.stringMatching(/cut off/) });
  });

  it('refuses a line that breaks the contract as a bad response', async () => {
    const { error } = await collect(body([bytes('{"type":"delta"}\n')]));
    expect(error).toMatchObject({ kind: 'bad_response' });
  });
});

describe('readNdjson and the caller’s abort', () => {
  it('stops reading a body that has started, at once, as aborted', async () => {
    const controller = new AbortController();
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulls++;
        c.enqueue(bytes(`${JSON.stringify({ type: 'delta', text: `word ${pulls} ` })}\n`));
        return new Promise((r) => setTimeout(r, 5));
      },
    });
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const event of readNdjson(endless, chatStreamEvent, controller.signal)) {
        seen.push(event);
        if (seen.length === 2) controller.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(seen).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'aborted' });
  });
});
