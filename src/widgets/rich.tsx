import { Fragment, type ReactNode } from 'react';
import type { Word } from './useMessages';

/**
 * A message with elements in it ("Pay the <strong>$100.00</strong> deposit"): each element param takes its
 * placeholder's place, wherever the language puts it. Text params are filled in as text (never as HTML).
 */
export function rich(word: Word, key: string, params: Readonly<Record<string, ReactNode>>): ReactNode {
  const elements: ReactNode[] = [];
  const text: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') text[name] = value;
    else text[name] = `\uE000${elements.push(value) - 1}\uE000`;
  }
  // Marked by a private-use character, no language's text; split by the markers, the element indices land at the odd places.
  return (word(key, text) ?? '').split(/\uE000(\d+)\uE000/).map((part, i) => (i % 2 === 1 ? <Fragment key={part}>{elements[Number(part)]}</Fragment> : part));
}
