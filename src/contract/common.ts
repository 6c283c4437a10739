import { lazySchema } from './lazy';
import { z } from './zod';

/** A calendar date in the tenant's time zone, `YYYY-MM-DD`. */
export const isoDate = lazySchema(() =>
  z.string().check(
    z.minLength(1, 'Choose a date.'),
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-14.'),
    z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real calendar date.'),
  ),
);

/** An instant with its offset, e.g. `2027-03-14T18:00:00-07:00`. */
export const isoDateTime = lazySchema(() => z.string().check(z.minLength(20), z.maxLength(40)));

/** A US five-digit ZIP code. */
export const zipCode = lazySchema(() =>
  z.string().check(z.trim(), z.minLength(1, 'Enter the ZIP code of the event.'), z.regex(/^\d{5}$/, 'Enter a 5-digit ZIP code.')),
);

/** Amounts are integer cents in the tenant's currency. */
export const cents = lazySchema(() => z.int().check(z.gte(0)));

export const currencyCode = lazySchema(() => z.string().check(z.regex(/^[A-Z]{3}$/)));

/** Opaque, unguessable resource ids (`bk_…`, `qt_…`). */
export const resourceId = lazySchema(() => z.string().check(z.minLength(4), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));

/** One field's error in a problem response. `field` is a dotted path (`customer.email`). */
export const fieldError = lazySchema(() =>
  z.object({
    field: z.string(),
    pointer: z.string(),
    detail: z.string(),
    /** What is wrong, for a client that words it itself (in the visitor's language); `params` fill its message. */
    code: z.optional(z.string()),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  }),
);
export type FieldError = z.infer<typeof fieldError>;

/**
 * RFC 9457 problem details (`application/problem+json`), with per-field
 * errors for validation failures.
 */
export const problemDetails = lazySchema(() =>
  z.looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    code: z.optional(z.string()),
    errors: z.optional(z.array(fieldError)),
  }),
);
export type ProblemDetails = z.infer<typeof problemDetails>;

export const health = lazySchema(() => z.object({ status: z.literal('ok') }));
export type Health = z.infer<typeof health>;

/** Beside an admin list's array: pass it back as `?cursor=` for the next page; null on the last page. */
export const nextCursor = () => z.nullable(z.string());

/**
 * The visitor's language, as the widget resolved it (a BCP 47 tag: `es`, `es-MX`). The server keeps the
 * language it speaks of it (`en` or `es`; anything else is `en`), and writes the visitor's later emails in it.
 * A builder, not a lazy schema: zod keeps the description by the schema object, which a lazy proxy is not.
 */
export const visitorLocale = () =>
  z.string().check(
    z.maxLength(35),
    z.meta({
      description: 'The visitor’s language (BCP 47, e.g. `es-MX`). Stored as a language the server writes mail in, `en` or `es`; any other is `en`.',
    }),
  );
