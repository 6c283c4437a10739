import { failureEn } from './failureMessages';

/**
 * Words several widgets say, in English: the source of their keys. Each widget's catalog spreads these into its
 * own (src/widgets/<name>/messages/en.ts), and a widget's error boundary reads them too (src/react).
 * Failures by their kind and "Try again" are ./failureMessages.ts, said once.
 */
export const sharedEn = {
  ...failureEn,
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
