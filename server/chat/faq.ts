import { z } from '../../src/contract/zod';
import { FACT_NAMES, placeholdersOf, ZIP_FACT_NAMES, ZIP_SENTENCE_NAMES } from './facts';

/** Answer text whose `{placeholders}` are all among `allowed`, so a typo in seed data fails at start, not in a visitor's chat. */
const template = (allowed: readonly string[]) =>
  z.string().check(
    z.minLength(1),
    z.refine((t) => placeholdersOf(t).every((name) => allowed.includes(name)), `Use only these placeholders: ${allowed.map((n) => `{${n}}`).join(', ')}.`),
  );

export const faqEntry = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/, 'Use lowercase letters, digits and dashes.')),
  /**
   * How visitors ask it, in their words: a few short phrasings the ranking
   * learns the topic's vocabulary from. A five-digit number stands for any ZIP
   * code, `#place` for the name of any town, `#time` for any time of day ("7pm").
   */
  asks: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** The answer, with catalog figures as placeholders (`{adultPrice}`), never copied. */
  answer: template(FACT_NAMES),
  /** The answer when the question names a ZIP code: `{zipTravel}` is its distance and travel price. */
  withZip: z.optional(template([...FACT_NAMES, ...ZIP_FACT_NAMES])),
  /** What the reply offers: `quote` (the quote calculator), `handoff` (a person). */
  actions: z.optional(z.array(z.enum(['quote', 'handoff']))),
});
export type FaqEntry = z.infer<typeof faqEntry>;

const zipSentence = template([...FACT_NAMES, ...ZIP_SENTENCE_NAMES]);

/** A tenant's FAQ, in its seed data: what the chat answers from. */
export const faqConfig = z.strictObject({
  /** The reply to "hi". */
  greeting: template(FACT_NAMES),
  /** The reply to "thanks". */
  thanks: template(FACT_NAMES),
  /** When no answer is confident: says so plainly; the reply then offers a person. */
  unsure: template(FACT_NAMES),
  /** After the answers to a message, for the questions in it none answers (`{question}`, quoted): says so; the reply then offers a person. */
  unsurePart: template([...FACT_NAMES, 'question']),
  /** A ZIP code's travel, as `{zipTravel}` in a `withZip` answer. */
  zipSentences: z.strictObject({
    free: zipSentence,
    charged: zipSentence,
    outside: zipSentence,
    unknown: zipSentence,
  }),
  /** Words about the business as a whole that name no topic ("party", "chef", "policy"): read past, like "the". */
  neutral: z.array(z.string().check(z.minLength(1))),
  /**
   * What only a person answers here: words, phrases and word classes (`#music`, see
   * word-classes.en.json). A question that names one goes to a person, whatever
   * else it names ("do you sell *gift cards*", "can I pay in *cash*").
   */
  handoff: z.optional(z.array(z.string().check(z.minLength(1)))),
  /**
   * Words that mean the same here, for the ranking; the first of each group names it. Phrases allowed ("how much"),
   * and word classes (`#food`: any dish the FAQ does not name itself).
   */
  synonyms: z.array(z.array(z.string().check(z.minLength(1))).check(z.minLength(2))),
  entries: z.array(faqEntry).check(
    z.minLength(1),
    z.refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'FAQ entry ids must be unique.'),
  ),
});
export type FaqConfig = z.infer<typeof faqConfig>;
