import { type Catalog, type FieldError, makeFieldError, type Quote, type QuoteInput } from '../../src/contract';
import { priceQuote, validateGuestsAndItems } from '../../src/core/pricing';
import { eventDateIssue, eventDateProblem } from '../../src/core/schedule';
import { zipDistanceMiles } from './geo';
import { newResourceId } from './ids';

export const QUOTE_VALID_DAYS = 30;

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; errors: FieldError[] };

/** The authoritative quote: the shared pricing rules plus what only the server knows (ZIP distances, today). */
export function makeQuote(catalog: Catalog, input: QuoteInput, now: number): QuoteResult {
  const errors = validateGuestsAndItems(catalog, input);
  const dateProblem = eventDateProblem(catalog, input.eventDate, now);
  const dateIssue = eventDateIssue(catalog, input.eventDate, now);
  if (dateProblem && dateIssue) errors.push(makeFieldError('eventDate', dateProblem, dateIssue.code, dateIssue.params));

  const distance = zipDistanceMiles(catalog.travel.originZip, input.zip);
  if (distance === undefined) {
    errors.push(makeFieldError('zip', `We don’t recognise the ZIP code ${input.zip}. Check it and try again.`, 'zip-unknown', { zip: input.zip }));
  } else if (distance > catalog.travel.maxMiles) {
    errors.push(
      makeFieldError(
        'zip',
        `Sorry, ${input.zip} is outside our service area: it is ${Math.ceil(distance)} miles away and we travel up to ${catalog.travel.maxMiles} miles.`,
        'zip-outside-area',
        { zip: input.zip, miles: Math.ceil(distance), max: catalog.travel.maxMiles },
      ),
    );
  }
  if (errors.length > 0 || distance === undefined) return { ok: false, errors };

  const price = priceQuote(catalog, input, distance);
  return {
    ok: true,
    quote: {
      id: newResourceId('qt'),
      lines: price.lines,
      totalCents: price.totalCents,
      depositCents: price.depositCents,
      currency: catalog.currency,
      ...input,
      distanceMiles: Math.ceil(distance),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + QUOTE_VALID_DAYS * 86_400_000).toISOString(),
    },
  };
}
