import type { Catalog } from '../../src/contract';
import { travelCents } from '../../src/core/pricing';
import { zipDistanceMiles } from '../domain/geo';
import { type Facts, render, spokenMoney } from './facts';
import type { FaqConfig } from './faq';

/**
 * A ZIP code's distance and travel price, by the same rules as the quote:
 * miles rounded up, free up to the free miles, outside the area beyond the maximum.
 */
export function zipTravelSentence(catalog: Catalog, sentences: FaqConfig['zipSentences'], facts: Facts, zip: string): string {
  const distance = zipDistanceMiles(catalog.travel.originZip, zip);
  if (distance === undefined) return render(sentences.unknown, { ...facts, zip });
  const values = { ...facts, zip, miles: String(Math.ceil(distance)) };
  if (distance > catalog.travel.maxMiles) return render(sentences.outside, values);
  const cents = travelCents(catalog, distance);
  return render(cents === 0 ? sentences.free : sentences.charged, { ...values, travel: spokenMoney(cents, catalog.currency) });
}
