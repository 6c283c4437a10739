import type { Catalog, MenuItem } from '../../src/contract';
import { menuItemIn } from '../../src/core/menu';
import { policyOf } from '../domain/policy';
import type { ChatLanguage } from './language';

/**
 * The catalog's figures as words an answer can use. FAQ answers name these
 * (`{adultPrice}`) instead of copying numbers, so an answer always says what
 * the quote charges.
 */
export const FACT_NAMES = [
  'name',
  'adultPrice',
  'childPrice',
  'childUnderAge',
  'minimum',
  'minimumAdults',
  'deposit',
  'originZip',
  'freeMiles',
  'perMile',
  'maxMiles',
  'maxGuests',
  'minAdults',
  'upgrades',
  'addOns',
  'seatings',
  'teamsPerSeating',
  'leadTimeHours',
  'horizonDays',
  'holdMinutes',
  'eventLength',
  'rescheduleDays',
  'refundDays',
] as const;
export type FactName = (typeof FACT_NAMES)[number];
export type Facts = Record<FactName, string>;

/** Only in the answers to a question with a ZIP: the sentence with its distance and travel price. */
export const ZIP_FACT_NAMES = ['zipTravel'] as const;
/** The ZIP sentences' own: the ZIP, its distance and its price. */
export const ZIP_SENTENCE_NAMES = ['zip', 'miles', 'travel'] as const;

/** "$60", "$60.50": whole amounts without cents, as people say prices. */
export function spokenMoney(cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

/** The words a list and a duration are said with, by language. */
const SAY: Record<ChatLanguage, { and: string; am: string; pm: string; hour: string; hours: string; minutes: string }> = {
  en: { and: 'and', am: 'AM', pm: 'PM', hour: '1 hour', hours: 'hours', minutes: 'minutes' },
  es: { and: 'y', am: 'a. m.', pm: 'p. m.', hour: '1 hora', hours: 'horas', minutes: 'minutos' },
};

/** "a, b and c" ("a, b y c"). */
export function list(items: string[], language: ChatLanguage = 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${SAY[language].and} ${items.at(-1)}`;
}

/** "18:00" → "6:00 PM" ("6:00 p. m."), "12:00" → "12:00 PM". */
function clock(hhmm: string, language: ChatLanguage): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return `${h % 12 || 12}:${String(m).padStart(2, '0')} ${h < 12 ? SAY[language].am : SAY[language].pm}`;
}

/** "Filet mignon" → "filet mignon" inside a sentence (a name in capitals stays as it is). */
const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) ? name[0]?.toLowerCase() + name.slice(1) : name);

function duration(minutes: number, language: ChatLanguage): string {
  const say = SAY[language];
  if (minutes % 60 !== 0) return `${minutes} ${say.minutes}`;
  return minutes === 60 ? say.hour : `${minutes / 60} ${say.hours}`;
}

/**
 * The catalog's figures in a language: amounts as the quote charges them, its menu's names and units as the
 * catalog gives them in that language (an item without them is said as the catalog has it).
 */
export function factsOf(catalog: Catalog, language: ChatLanguage = 'en'): Facts {
  const money = (cents: number) => spokenMoney(cents, catalog.currency);
  const item = (i: MenuItem, sign: string) => {
    const { name, unitLabel } = menuItemIn(i, language);
    return `${inSentence(name)} (${sign}${money(i.priceCents)} ${unitLabel})`;
  };
  return {
    name: catalog.name,
    adultPrice: money(catalog.prices.adultCents),
    childPrice: money(catalog.prices.childCents),
    childUnderAge: String(catalog.prices.childUnderAge),
    minimum: money(catalog.minimumFoodCents),
    minimumAdults: String(Math.max(1, Math.ceil(catalog.minimumFoodCents / Math.max(1, catalog.prices.adultCents)))),
    deposit: money(catalog.depositCents),
    originZip: catalog.travel.originZip,
    freeMiles: String(catalog.travel.freeMiles),
    perMile: money(catalog.travel.centsPerMile),
    maxMiles: String(catalog.travel.maxMiles),
    maxGuests: String(catalog.guests.maxGuests),
    minAdults: String(catalog.guests.minAdults),
    upgrades: list(
      catalog.upgrades.map((i) => item(i, '+')),
      language,
    ),
    addOns: list(
      catalog.addOns.map((i) => item(i, '')),
      language,
    ),
    seatings: list(
      catalog.booking.seatings.map((s) => clock(s, language)),
      language,
    ),
    teamsPerSeating: String(catalog.booking.teamsPerSeating),
    leadTimeHours: String(catalog.booking.leadTimeHours),
    horizonDays: String(catalog.booking.horizonDays),
    holdMinutes: String(catalog.booking.holdMinutes),
    eventLength: duration(catalog.booking.eventMinutes, language),
    rescheduleDays: String(policyOf(catalog).rescheduleUntilDays),
    refundDays: String(policyOf(catalog).refundUntilDays),
  };
}

/** The `{names}` a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/** Fills a template's `{names}`; every name was checked against the known ones when the tenant loaded. */
export function render(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
