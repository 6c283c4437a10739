import type { Context } from 'hono';
import type { ZodMiniType } from 'zod/mini';
import { fieldErrorsOf, reservedKeyErrors } from '../../src/contract';
import { Problem, validationProblem } from './problem';

export function parseWith<T>(schema: ZodMiniType<T>, input: unknown): T {
  // Named and refused, never dropped: zod would quietly leave out `__proto__` in a record.
  const reserved = reservedKeyErrors(input);
  if (reserved.length > 0) throw validationProblem(reserved);
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    // Errors are capped in number: the fields the schema knows come before unknown keys, so they are never crowded out.
    const issues = result.error.issues;
    const unknownLast = [...issues.filter((i) => i.code !== 'unrecognized_keys'), ...issues.filter((i) => i.code === 'unrecognized_keys')];
    throw validationProblem(fieldErrorsOf(unknownLast));
  }
  return result.data;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, refused with a 400 when it is not UTF-8 (RFC 8259):
 * decoding it leniently would store U+FFFD in place of what was sent.
 * Read as bytes, so every reader (the idempotency fingerprint, the JSON parser) sees the same checked text.
 */
export async function bodyText(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Problem({
      status: 400,
      code: 'invalid-encoding',
      title: 'Invalid encoding',
      detail: 'The body is not valid UTF-8. Send JSON encoded as UTF-8.',
    });
  }
}

/** Reads a JSON body and validates it against a contract schema: 415, 400 or 422 problems otherwise. */
export async function jsonBody<T>(c: Context, schema: ZodMiniType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new Problem({
      status: 415,
      code: 'unsupported-media-type',
      title: 'Send JSON',
      detail: 'Send the body as JSON with Content-Type: application/json.',
    });
  }
  const text = await bodyText(c);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Problem({ status: 400, code: 'malformed-json', title: 'Malformed JSON', detail: `The body is not valid JSON: ${(e as Error).message}` });
  }
  return parseWith(schema, data);
}
