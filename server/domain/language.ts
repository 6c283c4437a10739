import { type Language, supportedLocale } from '../../src/core/i18n';

/** The language the server writes a visitor's mail in, from the tag their widget sent: one it speaks, else English. */
export const languageOf = (tag: string | undefined): Language => (tag ? supportedLocale(tag)?.language : undefined) ?? 'en';
