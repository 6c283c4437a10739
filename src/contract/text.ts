import { z } from './zod';

/**
 * The rules for what visitors type, shared by the widgets (checked as they
 * type) and the server (checked again on arrival), so both say the same words.
 * Emoji, accents and right-to-left scripts are text like any other.
 */

/** Something that shows: not only spaces, zero-width or other format characters, or blank-looking fillers. */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}\u2800]/u;
/** C0 and C1 controls and DEL (Unicode's Cc). */
const CONTROL = /\p{Cc}/u;
/** The same, less tab, line feed and carriage return: the line breaks of multi-line text. */
const CONTROL_IN_LINES = /[^\P{Cc}\t\n\r]/u;
/** Half a surrogate pair: not text at all (storage would turn it into U+FFFD). */
const LONE_SURROGATE = /\p{Cs}/u;
/** Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they can make a name read as something else. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * A refinement's English words and its code (the issue's `params.code`): a widget words the code in the visitor's
 * language; the server sends the words.
 */
export const coded = (code: string, message: string) => ({ message, params: { code } });

export const hasVisibleText = (s: string): boolean => VISIBLE.test(s);

export interface TextMessages {
  /** When nothing visible was entered (required fields). */
  required?: string;
  tooLong?: string;
}

interface TextRules extends TextMessages {
  label: string;
  max: number;
  multiLine: boolean;
  optional: boolean;
}

function textChecks({ label, max, multiLine, optional, required, tooLong }: TextRules) {
  return [
    z.trim(),
    // Optional text with nothing visible in it is no text at all.
    ...(optional
      ? [z.overwrite<string>((s) => (hasVisibleText(s) ? s : ''))]
      : [z.refine<string>(hasVisibleText, coded('required', required ?? `${label} is required.`))]),
    z.maxLength(max, tooLong ?? `${label} must be at most ${max} characters.`),
    z.refine<string>(
      (s) => !(multiLine ? CONTROL_IN_LINES : CONTROL).test(s) && !LONE_SURROGATE.test(s),
      coded('control', `${label} contains a hidden control character. Please retype it.`),
    ),
    ...(multiLine
      ? []
      : [z.refine<string>((s) => !BIDI_CONTROL.test(s), coded('bidi', `${label} contains a hidden text-direction character. Please retype it.`))]),
  ];
}

// These build a new schema per call: the contract calls them inside `lazySchema` (./lazy.ts), on first use.

/** A name, a street, a city: trimmed, visible, one line, no hidden controls. */
export const singleLineText = (label: string, max: number, messages: TextMessages = {}) =>
  z.string(`${label} must be text.`).check(...textChecks({ label, max, multiLine: false, optional: false, ...messages }));

/** Notes, a chat message, a question: as single-line text, but line breaks and tabs are kept. */
export const multiLineText = (label: string, max: number, messages: TextMessages = {}) =>
  z.string(`${label} must be text.`).check(...textChecks({ label, max, multiLine: true, optional: false, ...messages }));

/** Multi-line text that may be left empty (empty when nothing visible was typed). */
export const optionalMultiLineText = (label: string, max: number, messages: TextMessages = {}) =>
  z.string(`${label} must be text.`).check(...textChecks({ label, max, multiLine: true, optional: true, ...messages }));

const EMAIL_MESSAGE = 'Enter an email address like name@example.com.';
/** RFC 5322 atext (no backtick) plus letters and digits of any script; dots only between atoms. */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_{|}~-]+)*$/u;
/** A host name of two labels or more (IDN letters allowed); the last one is not all digits. */
const DOMAIN = /^(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?\.)+(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** Whether `s` is a practical email address: one @, a dotted domain, RFC 5321's limits (254 in all, 64 before the @). */
export function isEmailAddress(s: string): boolean {
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.length > 254) return false;
  const local = s.slice(0, at);
  return local.length <= 64 && LOCAL_PART.test(local) && DOMAIN.test(s.slice(at + 1));
}

/** An email address; `optional`: empty (once trimmed) means none given. */
export const emailAddress = ({ optional = false } = {}) =>
  z.string('Email must be text.').check(
    z.trim(),
    z.maxLength(254, 'Email must be at most 254 characters.'),
    z.refine((s: string) => s.lastIndexOf('@') <= 64, coded('local-too-long', 'The part before the @ must be at most 64 characters.')),
    z.refine((s: string) => (optional && s === '') || isEmailAddress(s), coded('format', EMAIL_MESSAGE)),
  );

const PHONE_CHARS = /^\+?[\d ().-]+$/;
const PHONE_MESSAGE = 'Enter a phone number like (213) 555-0142.';
const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** Digits, `+ ( ) - .` and spaces, with 7 to 15 digits (E.164 has at most 15); `optional` as for emails. */
export const phoneNumber = ({ optional = false } = {}) =>
  z.string('Phone must be text.').check(
    z.trim(),
    z.maxLength(32, 'Phone must be at most 32 characters.'),
    z.refine((s: string) => (optional && s === '') || PHONE_CHARS.test(s), coded('format', PHONE_MESSAGE)),
    z.refine(
      (s: string) => (optional && s === '') || !PHONE_CHARS.test(s) || (digitCount(s) >= 7 && digitCount(s) <= 15),
      coded('digits', 'Enter a phone number with 7 to 15 digits, like (213) 555-0142.'),
    ),
  );
