import { describe, expect, it, vi } from 'vitest';
import { createFunnel } from './funnel';
import type { KeyValueStore } from './storage';

/** A storage that keeps JSON text, as localStorage does. */
function memoryStorage(initial: Record<string, string> = {}): KeyValueStore & { text: Record<string, string> } {
  const text = { ...initial };
  return {
    text,
    read(key, isValid) {
      const raw = text[key];
      if (raw === undefined) return undefined;
      const value: unknown = JSON.parse(raw);
      return isValid(value) ? value : undefined;
    },
    write(key, value) {
      text[key] = JSON.stringify(value);
      return true;
    },
    remove(key) {
      delete text[key];
    },
  };
}

const KEY = 'teppan:funnel:https://api.example|pk_test';
const remembering = (state: unknown) => memoryStorage({ [KEY]: JSON.stringify(state) });
const PAGE = 'https://shop.example/book';

describe('the funnel', () => {
  it('starts empty on a first visit', () => {
    expect(createFunnel('https://api.example|pk_test', { url: PAGE, storage: memoryStorage() }).get()).toEqual({
      quoteId: null,
      bookingId: null,
      handedOffHere: false,
    });
  });

  describe('when a page is opened', () => {
    it('remembers the hand-offs of an earlier page view', () => {
      const funnel = createFunnel('https://api.example|pk_test', { url: PAGE, storage: remembering({ quoteId: 'qt_1', bookingId: 'bk_1' }) });
      expect(funnel.get()).toEqual({ quoteId: 'qt_1', bookingId: 'bk_1', handedOffHere: false });
    });

    it('takes the URL’s parameters over what it remembered, and remembers them in turn', () => {
      const storage = remembering({ quoteId: 'qt_1', bookingId: 'bk_1' });
      const funnel = createFunnel('https://api.example|pk_test', { url: `${PAGE}?quote=qt_2`, storage });
      // Another quote is another booking.
      expect(funnel.get()).toEqual({ quoteId: 'qt_2', bookingId: null, handedOffHere: false });
      expect(JSON.parse(storage.text[KEY] ?? '')).toEqual({ quoteId: 'qt_2', bookingId: null });
      expect(createFunnel('https://api.example|pk_test', { url: `${PAGE}?booking=bk_9`, storage }).get()).toMatchObject({ quoteId: 'qt_2', bookingId: 'bk_9' });
    });

    it('ignores what it cannot read back', () => {
      const funnel = createFunnel('https://api.example|pk_test', { url: PAGE, storage: remembering({ quoteId: 42 }) });
      expect(funnel.get()).toMatchObject({ quoteId: null, bookingId: null });
    });
  });

  describe('a hand-off', () => {
    it('overwrites the state, tells every subscriber, and is remembered', () => {
      const storage = remembering({ quoteId: 'qt_1', bookingId: null });
      const funnel = createFunnel('https://api.example|pk_test', { url: `${PAGE}?quote=qt_2`, storage });
      const listener = vi.fn();
      const unsubscribe = funnel.subscribe(listener);
      funnel.handOff({ quoteId: 'qt_3' });
      expect(funnel.get()).toEqual({ quoteId: 'qt_3', bookingId: null, handedOffHere: true });
      expect(listener).toHaveBeenCalledTimes(1);
      expect(JSON.parse(storage.text[KEY] ?? '')).toEqual({ quoteId: 'qt_3', bookingId: null });
      unsubscribe();
      funnel.handOff({ quoteId: 'qt_4' });
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('of a booking keeps its quote; a new quote clears the booking', () => {
      const funnel = createFunnel('https://api.example|pk_test', { storage: memoryStorage() });
      funnel.handOff({ quoteId: 'qt_1' });
      funnel.handOff({ bookingId: 'bk_1' });
      expect(funnel.get()).toMatchObject({ quoteId: 'qt_1', bookingId: 'bk_1' });
      funnel.handOff({ quoteId: 'qt_1' });
      expect(funnel.get()).toMatchObject({ quoteId: 'qt_1', bookingId: 'bk_1' });
      funnel.handOff({ quoteId: 'qt_2' });
      expect(funnel.get()).toMatchObject({ quoteId: 'qt_2', bookingId: null });
    });

    it('keeps the same snapshot when nothing changes', () => {
      const funnel = createFunnel('https://api.example|pk_test', { storage: memoryStorage() });
      funnel.handOff({ quoteId: 'qt_1' });
      const before = funnel.get();
      funnel.handOff({ quoteId: 'qt_1' });
      expect(funnel.get()).toBe(before);
    });

    it('of the quote the URL named still counts as made on this page', () => {
      const funnel = createFunnel('https://api.example|pk_test', { url: `${PAGE}?quote=qt_1`, storage: memoryStorage() });
      funnel.handOff({ quoteId: 'qt_1' });
      expect(funnel.get()).toEqual({ quoteId: 'qt_1', bookingId: null, handedOffHere: true });
    });
  });
});
