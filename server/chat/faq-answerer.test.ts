import { describe, expect, it } from 'vitest';
import { travelCents } from '../../src/core/pricing';
import { zipDistanceMiles } from '../domain/geo';
import { demoTenant, type Tenant } from '../tenants';
import { answerFromFaq, createFaqAnswerer, piecesOf } from './faq-answerer';

const { catalog } = demoTenant;

/** The demo tenant with other figures: answers must follow the catalog, not copy it. */
const repriced: Tenant = {
  ...demoTenant,
  catalog: {
    ...catalog,
    prices: { ...catalog.prices, adultCents: 7250, childCents: 3500, childUnderAge: 10 },
    minimumFoodCents: 80000,
    depositCents: 15000,
    travel: { ...catalog.travel, freeMiles: 20, centsPerMile: 300, maxMiles: 60 },
    booking: { ...catalog.booking, holdMinutes: 20, leadTimeHours: 72 },
  },
};

/** The travel sentence as the quote's rules price it. */
function expectedTravel(zip: string, tenant = demoTenant): string {
  const miles = zipDistanceMiles(tenant.catalog.travel.originZip, zip) ?? expect.fail(`${zip} is a known ZIP`);
  const cents = travelCents(tenant.catalog, miles);
  if (miles > tenant.catalog.travel.maxMiles) return `${zip} is ${Math.ceil(miles)} miles from us, outside our service area`;
  return cents === 0
    ? `${zip} is ${Math.ceil(miles)} miles from us, so there’s no travel fee.`
    : `${zip} is ${Math.ceil(miles)} miles from us: travel is $${cents / 100}.`;
}

describe('the FAQ answerer', () => {
  it('says prices, minimum, deposit and travel from the catalog, never from copied text', () => {
    expect(answerFromFaq(demoTenant, 'how much per person').text).toMatch(
      /^It’s \$60 per adult and \$30 per child under 12\. .*\$600 food minimum.*free within 30 miles/,
    );
    expect(answerFromFaq(repriced, 'how much per person').text).toMatch(
      /^It’s \$72\.50 per adult and \$35 per child under 10\. .*\$800 food minimum.*free within 20 miles/,
    );
    expect(answerFromFaq(repriced, 'how much per kid').text).toBe(
      'Kids love the show! Children under 10 are $35 a plate (adults $72.50). Just count the kids when you get your quote.',
    );
    expect(answerFromFaq(repriced, 'whats the deposit').text).toMatch(/A \$150 deposit .* 20 minutes/);
    expect(answerFromFaq(repriced, 'is there a minimum').text).toContain('$800 minimum, about 12 adults at $72.50');
    expect(answerFromFaq(repriced, 'how far do u travel').text).toContain('free within 20 miles, then $3 a mile, and we go up to 60 miles');
    expect(answerFromFaq(repriced, 'how far in advance should i book').text).toContain('72 hours’ notice');
    expect(answerFromFaq(demoTenant, 'what times are available').text).toContain('12:00 PM, 3:00 PM, 6:00 PM and 8:30 PM');
    expect(answerFromFaq(demoTenant, 'any add ons?').text).toContain('filet mignon (+$10 per plate) and lobster tail (+$15 per plate)');
  });

  it.each([
    ['do u come to 92660', '92660'],
    ['do you travel to 90210', '90210'],
    ['91101?', '91101'],
    ['can you come out to 92101', '92101'],
    ['how much for 20 people in 92262', '92262'],
  ])('prices the ZIP in “%s” by the travel rules', (question, zip) => {
    const reply = answerFromFaq(demoTenant, question);
    expect(reply.text).toContain(expectedTravel(zip));
    expect(reply.actions).toEqual([{ type: 'quote', label: 'Get a quote' }]);
  });

  it('follows the tenant’s travel rule for a ZIP, and says plainly when it does not know one', () => {
    expect(answerFromFaq(repriced, 'do u come to 92660').text).toContain(expectedTravel('92660', repriced));
    expect(answerFromFaq(demoTenant, 'do u come to 92660').text).toBe(
      '92660 is 37 miles from us: travel is $14. Travel is free within 30 miles of 90012, then $2 a mile, up to 100 miles.',
    );
    expect(answerFromFaq(demoTenant, 'do you travel to 00000').text).toMatch(/^I don’t recognise the ZIP code 00000\. Could you check it\?/);
  });

  it('offers a quote with pricing answers, a person when unsure, nothing with a greeting', () => {
    for (const q of ['how much per kid', 'whats the deposit', 'is there a minimum', 'how far do u travel']) {
      expect(answerFromFaq(demoTenant, q)).toMatchObject({ confident: true, actions: [{ type: 'quote', label: 'Get a quote' }] });
    }
    expect(answerFromFaq(demoTenant, 'who won the game')).toMatchObject({
      topics: ['unsure'],
      confident: false,
      actions: [{ type: 'handoff', label: 'Talk to a person' }],
    });
    expect(answerFromFaq(demoTenant, 'who won the game').text).toMatch(/not sure/);
    for (const hi of ['hi', 'Hello!', 'hey there', 'good morning', 'hiya :)']) {
      expect(answerFromFaq(demoTenant, hi)).toMatchObject({ topics: ['greeting'], confident: true, actions: [] });
    }
    expect(answerFromFaq(demoTenant, 'hi')).toMatchObject({ text: expect.stringMatching(/What would you like to know\?$/) });
    expect(answerFromFaq(demoTenant, 'thank you so much!')).toMatchObject({ topics: ['thanks'], confident: true, actions: [] });
    // A greeting with a question is a question.
    expect(answerFromFaq(demoTenant, 'hi, how much per kid?').topics).toEqual(['children']);
  });

  it('without an FAQ, greets and offers a person for everything else', () => {
    const bare: Tenant = { ...demoTenant, faq: undefined };
    expect(answerFromFaq(bare, 'hello')).toMatchObject({ topics: ['greeting'], confident: true });
    expect(answerFromFaq(bare, 'how much per kid')).toMatchObject({ topics: ['unsure'], confident: false, actions: [{ type: 'handoff' }] });
  });

  it('streams an answer in pieces of a few words that join to its text, whole well under a second', async () => {
    expect(piecesOf('It’s $60 per adult and  $30 per child.', 3)).toEqual(['It’s $60 per ', 'adult and  $30 ', 'per child.']);
    const pieces: { text: string; at: number }[] = [];
    const started = Date.now();
    const outcome = await createFaqAnswerer().answer({ tenant: demoTenant, question: 'whats on the menu', history: [] }, (text) =>
      pieces.push({ text, at: Date.now() - started }),
    );
    const whole = answerFromFaq(demoTenant, 'whats on the menu');
    expect(pieces.map((p) => p.text).join('')).toBe(whole.text);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.every((p) => p.text.trim().split(/\s+/).length <= 3)).toBe(true);
    expect(pieces.at(-1)?.at).toBeGreaterThan(pieces[0]?.at ?? 0);
    expect(Date.now() - started).toBeLessThan(800);
    expect(outcome).toEqual({ actions: whole.actions, confident: true });
  });
});
