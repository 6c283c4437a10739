/**
 * Hostile input: what visitors (and scripts posing as visitors) type or send.
 * The API suite sends all of it to every write route; the browser suite types
 * the strings into every visitor-facing field. Every markup payload calls
 * `window.__pwned(…)` if it ever runs, the trap the browser suite installs.
 */

/** Markup and script: must only ever appear as text. */
export const markup = {
  scriptTag: `<script>window.__pwned('script')</script>`,
  imgOnerror: `<img src=x onerror="window.__pwned('img')">`,
  javascriptUrl: `javascript:window.__pwned('url')`,
  svgBreakout: `"><svg onload="window.__pwned('svg')">`,
  iframeSrcdoc: `<iframe srcdoc="<script>parent.__pwned('iframe')</script>"></iframe>`,
  template: `{{constructor.constructor('window.__pwned(1)')()}}`,
  linkAttribute: `https://evil.example/"onmouseover="window.__pwned('attr')`,
} as const;

/** Quotes of every kind and SQL-ish strings: stored as typed, never interpreted. */
export const quoting = {
  quotes: `O'Brien "Chef" \`Ann\``,
  sqlDrop: `Robert'); DROP TABLE bookings;--`,
  sqlOr: `' OR '1'='1`,
  sqlUnion: `1 UNION SELECT secret FROM tenants`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  percent: '%s %n %x ${7*7} #{7*7}',
} as const;

/** Real names in real scripts: all valid, all stored intact. */
export const scripts = {
  arabic: 'محمد الأحمد',
  hebrew: 'דוד כהן',
  mixedDirection: 'Ann محمد 123',
  cjk: '山田 太郎',
  accents: 'Zoë Ågren-Ñúñez',
  combining: 'Cafe\u0301 Noe\u0308l',
  persianZwnj: 'می\u200cخواهم',
} as const;

/** Emoji, including ZWJ sequences, flags and skin tones: valid text. */
export const emoji = {
  sushi: '🍣🔥',
  zwjFamily: '👨‍👩‍👧‍👦',
  flag: '🇯🇵',
  skinTone: '👋🏽',
  chef: 'Chef 👨🏻‍🍳',
} as const;

/** Nothing visible: each is an empty field. */
export const invisible = {
  empty: '',
  spaces: '   ',
  tab: '\t',
  zeroWidthSpace: '\u200b',
  zeroWidthMix: '\u200b\u200c\u200d\u2060\ufeff',
  hangulFiller: '\u3164',
  brailleBlank: '\u2800',
} as const;

/** Bidi overrides and isolates: refused in one-line fields, where they can disguise a name. */
export const bidi = {
  override: 'Ann\u202egnp.exe',
  isolate: '\u2067evil\u2069 Lee',
  embedding: '\u202aabc',
} as const;

/** Control characters: refused everywhere (line breaks and tabs only in multi-line text). */
export const control = {
  nul: 'Ann\u0000Lee',
  bell: 'Ann\u0007',
  escape: '\u001b[31mred',
  nextLine: 'Ann\u0085Lee',
  delete: 'Ann\u007f',
} as const;

/** Line breaks: valid in notes, questions and chat messages only. */
export const lineBreaks = {
  newline: 'first line\nsecond line',
  crlf: 'first\r\nsecond',
  tab: 'a\tb',
} as const;

export const long = {
  tenKb: 'x'.repeat(10_240),
  tenKbEmoji: '🍣'.repeat(5_120),
} as const;

/** Visible text with zero-width characters inside: valid (Persian needs ZWNJ, emoji need ZWJ). */
export const zeroWidthInside = 'Ann\u200bLee';

/** Half a surrogate pair: a JSON escape can carry one, no keyboard can. */
export const loneSurrogate = '\ud800';

/** Every string payload, by name. */
export const strings: Record<string, string> = {
  ...markup,
  ...quoting,
  ...scripts,
  ...emoji,
  ...invisible,
  ...bidi,
  ...control,
  ...lineBreaks,
  ...long,
  zeroWidthInside,
};

/**
 * One or two of each kind, for the browser suite's fields besides the one per
 * widget that takes every string: typing is where a field refuses or keeps,
 * and these cover each way it can (the API suite sends all of them everywhere).
 */
export const sample: readonly string[] = [
  markup.scriptTag,
  markup.imgOnerror,
  quoting.sqlDrop,
  scripts.mixedDirection,
  scripts.combining,
  emoji.zwjFamily,
  invisible.empty,
  invisible.spaces,
  invisible.zeroWidthSpace,
  invisible.hangulFiller,
  bidi.override,
  control.nul,
  control.escape,
  lineBreaks.newline,
  long.tenKb,
  long.tenKbEmoji,
  zeroWidthInside,
];

/** Wrong types for any field. */
export const wrongTypes: Record<string, unknown> = {
  null: null,
  number: 42,
  boolean: true,
  array: ['a'],
  emptyObject: {},
  operator: { $gt: '' },
};

/**
 * A number JSON.stringify cannot write: the body builder puts it in raw
 * (`1e309` parses to Infinity, `-0` to minus zero).
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Counts (guests, upgrades, add-ons) as JSON values. */
export const numbers: Record<string, unknown> = {
  negative: -1,
  minusZero: new RawJson('-0'),
  fraction: 2.5,
  huge: 1e9,
  overLimit: 10_001,
  unsafe: 2 ** 53 + 2,
  overflow: new RawJson('1e309'),
  nanString: 'NaN',
  infinityString: 'Infinity',
  numericString: '12',
  hexString: '0x10',
  fullWidth: '１２',
};

/** Counts as typed into a text box. */
export const typedNumbers: Record<string, string> = {
  negative: '-1',
  fraction: '2.5',
  huge: '1000000000',
  overLimit: '10001',
  exponent: '1e309',
  nan: 'NaN',
  hex: '0x10',
  fullWidth: '１２',
  padded: ' 12 ',
  trailing: '12abc',
  markup: markup.scriptTag,
  zeroWidth: invisible.zeroWidthSpace,
  emoji: emoji.sushi,
};

/** Dates, well formed or not, real or not, in range or not. */
export const dates: Record<string, unknown> = {
  zeros: '0000-00-00',
  farFuture: '9999-12-31',
  feb31: '2027-02-31',
  month13: '2027-13-01',
  shortForm: '2027-1-1',
  twoDigitYear: '27-01-01',
  withTime: '2027-02-28T00:00:00Z',
  word: 'tomorrow',
  epoch: 20270101,
  past: '2001-01-01',
};

/** Keys that reach a prototype: refused by name, never dropped. */
export const reservedKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** JSON text for a body, with RawJson values written as they are. */
export function bodyText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `\u0000raw${raws.length - 1}\u0000`;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)] ?? 'null');
}

/** Counts of the corpus, for the report. */
export function corpusSize() {
  return {
    strings: Object.keys(strings).length + 1,
    wrongTypes: Object.keys(wrongTypes).length,
    numbers: Object.keys(numbers).length,
    typedNumbers: Object.keys(typedNumbers).length,
    dates: Object.keys(dates).length,
    reservedKeys: reservedKeys.length,
  };
}
