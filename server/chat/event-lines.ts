import type { ChatStreamEvent } from '../../src/contract';

/** Newline-delimited JSON: one event per line, parsed by clients as it arrives. */
export const NDJSON = 'application/x-ndjson; charset=utf-8';

export const ndjsonLine = (event: ChatStreamEvent) => `${JSON.stringify(event)}\n`;

/**
 * A reply's events, written by a job that runs to its end whether or not
 * anyone still reads them: every line is kept (the whole body is what a
 * replay sends), and passed on to the response body while its reader is there.
 * A reader that goes away (a closed tab, a cut connection) stops only the passing on.
 */
export function createEventLines() {
  const lines: string[] = [];
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let reading = true;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      reading = false;
    },
  });
  return {
    body,
    write(event: ChatStreamEvent) {
      const line = ndjsonLine(event);
      lines.push(line);
      if (reading) controller?.enqueue(encoder.encode(line));
    },
    close() {
      if (reading) controller?.close();
      reading = false;
    },
    /** Everything written so far. */
    text: () => lines.join(''),
  };
}
