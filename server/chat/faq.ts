import { z } from '../../src/contract/zod';
import { FACT_NAMES, placeholdersOf, ZIP_FACT_NAMES, ZIP_SENTENCE_NAMES } from './facts';
import type { ChatLanguage } from './language';

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

/** An FAQ's words in one language: everything but its entries' ids and actions. */
const faqWords = {
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
};

/** An entry in another language: how visitors ask it and its answer in that language, from the same catalog figures. */
export const faqEntryTranslation = z.strictObject({
  asks: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  answer: template(FACT_NAMES),
  withZip: z.optional(template([...FACT_NAMES, ...ZIP_FACT_NAMES])),
});

/**
 * The FAQ in another language: its own words, synonyms and typical questions (a language is not a word list
 * of another), each entry's by its id. The menu's names in the language are the catalog's own (its items' `translations`).
 */
export const faqTranslation = z.strictObject({
  ...faqWords,
  entries: z.record(z.string(), faqEntryTranslation),
});
export type FaqTranslation = z.infer<typeof faqTranslation>;

/** A tenant's FAQ, in its seed data: what the chat answers from. English, and each other language it is written in. */
export const faqConfig = z
  .strictObject({
    ...faqWords,
    entries: z.array(faqEntry).check(
      z.minLength(1),
      z.refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'FAQ entry ids must be unique.'),
    ),
    /** The FAQ in Spanish (more languages as the widgets learn them): every entry, by id. */
    translations: z.optional(z.strictObject({ es: z.optional(faqTranslation) })),
  })
  .check(
    z.refine(
      (faq) =>
        Object.values(faq.translations ?? {}).every((t) => {
          const ids = Object.keys(t?.entries ?? {});
          return ids.length === faq.entries.length && faq.entries.every((e) => ids.includes(e.id));
        }),
      'A translation of the FAQ gives every entry, and only those, by id.',
    ),
  );
export type FaqConfig = z.infer<typeof faqConfig>;

/** An FAQ in one language, ready for the ranking: a FaqConfig of its own (its entries keep their ids and actions). */
export interface FaqIn {
  faq: FaqConfig;
}

const translated = new WeakMap<FaqTranslation, FaqIn>();

/** The FAQ in `language`, or undefined when the tenant has not written it in that language. */
export function faqIn(faq: FaqConfig, language: ChatLanguage): FaqIn | undefined {
  if (language === 'en') return { faq };
  const t = faq.translations?.[language];
  if (!t) return undefined;
  let done = translated.get(t);
  if (!done) {
    const { entries, ...words } = t;
    const inLanguage = faq.entries.map((e) => {
      const { asks, answer, withZip } = entries[e.id] ?? e;
      return { id: e.id, asks, answer, ...(withZip && { withZip }), ...(e.actions && { actions: e.actions }) };
    });
    done = { faq: { ...words, entries: inLanguage } };
    translated.set(t, done);
  }
  return done;
}
