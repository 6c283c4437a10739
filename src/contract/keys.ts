import type { FieldError } from './common';
import { makeFieldError } from './issues';

/** Keys that reach an object's prototype when copied naively; zod drops `__proto__` from records without a word. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

interface Node {
  value: unknown;
  key: string;
  parent: number;
}

/**
 * One error per reserved key anywhere in a parsed JSON value, with its path.
 * Walked breadth first, without recursion and with paths rebuilt only for
 * errors: a deeply nested body costs neither stack nor quadratic memory.
 */
export function reservedKeyErrors(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const nodes: Node[] = [{ value, key: '', parent: -1 }];
  const pathOf = (index: number, key: string) => {
    const path = [key];
    for (let at = index; at > 0; at = (nodes[at] as Node).parent) path.unshift((nodes[at] as Node).key);
    return path;
  };
  for (let i = 0; i < nodes.length; i++) {
    const v = (nodes[i] as Node).value;
    if (!v || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      if (RESERVED.has(key)) errors.push(makeFieldError(pathOf(i, key), `“${key}” can’t be used as a field name.`));
      else nodes.push({ value: (v as Record<string, unknown>)[key], key, parent: i });
    }
  }
  return errors;
}
