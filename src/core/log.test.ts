import { afterEach, describe, expect, it, vi } from 'vitest';
import { callHost, type LogEntry } from './log';

afterEach(() => vi.restoreAllMocks());

describe('callHost', () => {
  it('calls the page’s callback with what the widget hands it', () => {
    const seen: unknown[] = [];
    callHost(undefined, 'onQuote', (id: string, total: number) => seen.push(id, total), ['qt_1234', 600]);
    expect(seen).toEqual(['qt_1234', 600]);
  });

  it('a callback that throws is logged and said in the console, and the widget carries on', () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => {});
    const logs: LogEntry[] = [];
    const thrown = new Error('analytics is down');
    expect(() =>
      callHost(
        (entry) => logs.push(entry),
        'onBookingCreated',
        () => {
          throw thrown;
        },
        [],
      ),
    ).not.toThrow();
    expect(logs).toEqual([{ type: 'callback-error', callback: 'onBookingCreated', error: thrown }]);
    expect(console).toHaveBeenCalledWith(expect.stringContaining('onBookingCreated'), thrown);
  });

  it('a log hook that throws as well breaks nothing', () => {
    vi.spyOn(globalThis.console, 'error').mockImplementation(() => {});
    const broken = () => {
      throw new Error('log hook down too');
    };
    expect(() => callHost(broken, 'onError', broken, [])).not.toThrow();
  });
});
