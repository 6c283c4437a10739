import { DEFAULT_MESSAGES } from '../../core';

/**
 * Words several widgets say, in English: the source of their keys. Each widget's catalog spreads these into its
 * own (src/widgets/<name>/messages/en.ts), and the layer above the widgets reads them too (a widget's loading
 * placeholder, its error boundary, a chunk that did not load).
 * A failure's words are keyed by its kind (`network`, `busy`…: core's TeppanError words, said once).
 */
export const sharedEn = {
  ...DEFAULT_MESSAGES,
  failed: 'Something went wrong. Please try again.',
  tryAgain: 'Try again',
  chunkFailed: 'This part of the page didn’t load. Check your connection and try again.',
  loading: 'Loading the {widget}',
  'widget.quote': 'quote calculator',
  'widget.booking': 'booking form',
  'widget.payment': 'payment form',
  'widget.chat': 'chat',
  guests: { one: '{count} guest', other: '{count} guests' },
  'hold.minutesLeft': { one: '{count} minute left to pay the deposit.', other: '{count} minutes left to pay the deposit.' },
  'line.adults': { other: 'Adults × {count}' },
  'line.children': { other: 'Children under {age} × {count}' },
  'line.item': '{item} × {count}',
  'line.minimum': 'Event minimum',
  'line.travel': 'Travel: {miles} miles, first {free} free',
  'field.invalid': 'Check this field.',
  'field.too-long': '{label} must be at most {max} characters.',
  'field.control': '{label} contains a hidden control character. Please retype it.',
  'field.bidi': '{label} contains a hidden text-direction character. Please retype it.',
} as const;

export type SharedMessages = typeof sharedEn;
