import { describe, expect, it } from 'vitest';
import { usPlaceNames } from '../domain/geo';
import { demoTenant } from '../tenants';
import { answerFromFaq } from './faq-answerer';
import { CONFIDENCE_THRESHOLD, explain, rank } from './rank';

const faq = demoTenant.faq ?? expect.fail('the demo tenant has an FAQ');
const places = usPlaceNames();
const best = (question: string) => rank(faq, question, { places })[0];

/** How visitors really ask, typos and all, and the topic that answers it. */
const PHRASINGS: [question: string, topic: string][] = [
  ['how much per kid', 'children'],
  ['how much does it cost', 'prices'],
  ['whats ur pricing', 'prices'],
  ['price per person?', 'prices'],
  ['how much for 15 adults and 5 kids', 'prices'],
  ['is it expensive', 'prices'],
  ['how much $$', 'prices'],
  ['cost per head?', 'prices'],
  ['how much for a birthday party of 20', 'prices'],
  ['hw much per adult', 'prices'],
  ['how much for 20 people in 91101', 'prices'],
  ['is there a minimum', 'minimum'],
  ['minimum order?', 'minimum'],
  ['whats the food minimum', 'minimum'],
  ['do you have a minimum spend', 'minimum'],
  ['whats the deposit', 'deposit'],
  ['do i need to pay a deposit', 'deposit'],
  ['how do i pay the deposit', 'deposit'],
  ['can i pay with a credit card', 'deposit'],
  ['deposite amount?', 'deposit'],
  ['do u come to 92660', 'travel'],
  ['how far do u travel', 'travel'],
  ['do you travel to 90210', 'travel'],
  ['whats your service area', 'travel'],
  ['travel fee?', 'travel'],
  ['do you charge for distance', 'travel'],
  ['92101', 'travel'],
  ['are you near me', 'travel'],
  ['do you come to newport beach', 'travel'],
  ['r u coming to irvine', 'travel'],
  ['whats on the menu', 'menu'],
  ['what food do you make', 'menu'],
  ['what comes with dinner', 'menu'],
  ['do you serve steak', 'menu'],
  ['wat kind of food', 'menu'],
  ['can we add lobster', 'extras'],
  ['what upgrades are there', 'extras'],
  ['do you have gyoza', 'extras'],
  ['how much is the filet upgrade', 'extras'],
  ['any add ons?', 'extras'],
  ['can we get extra noodles', 'extras'],
  ['can you do gluten free', 'dietary'],
  ['vegan options?', 'dietary'],
  ['my daughter is allergic to peanuts', 'dietary'],
  ['shellfish allergy', 'dietary'],
  ['do you have vegitarian food', 'dietary'],
  ['glutenfree?', 'dietary'],
  ['alergies', 'dietary'],
  ['can you do dairy free', 'dietary'],
  ['im celiac', 'dietary'],
  ['wat if it rains', 'rain'],
  ['rain plan?', 'rain'],
  ['what if the weather is bad', 'rain'],
  ['can you cook inside', 'rain'],
  ['do we need a tent', 'rain'],
  ['what if its raining', 'rain'],
  ['cancel policy', 'cancellation'],
  ['can i get a refund', 'cancellation'],
  ['can we reschedule', 'cancellation'],
  ['reschedual', 'cancellation'],
  ['need to change our date', 'cancellation'],
  ['cancelation policy', 'cancellation'],
  ['is the deposit refundable', 'cancellation'],
  ['what if we need to cancel', 'cancellation'],
  ['how do i book', 'booking'],
  ['what time slots do you have', 'booking'],
  ['can i book for tomorrow', 'booking'],
  ['how far in advance should i book', 'booking'],
  ['do you have availability next saturday', 'booking'],
  ['what times can the chef come', 'booking'],
  ['how does booking work', 'booking'],
  ['do you bring the grill', 'equipment'],
  ['do we need to provide tables', 'equipment'],
  ['do you bring propane', 'equipment'],
  ['what do i need to set up', 'equipment'],
  ['do we need chairs', 'equipment'],
  ['what does the chef bring', 'equipment'],
  ['how many guests max', 'party-size'],
  ['can you handle 80 people', 'party-size'],
  ['whats the biggest party you do', 'party-size'],
  ['is there a limit on how many people', 'party-size'],
  ['are kids ok', 'children'],
  ['are children welcome', 'children'],
  ['what age is a child', 'children'],
  ['how long does it last', 'length'],
  ['how long will the chef be here', 'length'],
  ['how long is the show', 'length'],
  // A word from another topic, or a filler the FAQ knows, must not sink the right answer.
  ['what if it rains on the day', 'rain'],
  ['what happens if the forecast for saturday is rain', 'rain'],
  ['is lobster available', 'extras'],
  ['how early should i book', 'booking'],
  ['what time can the chef arrive', 'length'],
  ['can kids eat for less', 'children'],
  ['do you have any openings on july 4', 'booking'],
  ['when is the balance due', 'deposit'],
  ['do you clean up after', 'equipment'],
  ['what happens in bad weather', 'rain'],
  ['how much do i have to put down', 'deposit'],
  ['how do i pay the rest', 'deposit'],
  ['do kids under 3 eat free', 'children'],
  // Any day of the month, any number of hours.
  ['are you free on the 12th', 'booking'],
  ['is it like 2 hours', 'length'],
  // Typos in short words: a letter missing, two swapped.
  ['how lon does it last', 'length'],
  ['whats on teh menu', 'menu'],
  ['do we need tabels', 'equipment'],
  ['are you available on christmas', 'booking'],
  // Changing a booking the visitor has is the rescheduling answer, not how to book.
  ['I need to change the date of my reservation', 'cancellation'],
  ['i need to switch my booking to a diff day', 'cancellation'],
  ['can we switch to a different weekend', 'cancellation'],
  ['how many people can you feed at one time', 'party-size'],
  ['how much time should we set aside for this on the day', 'length'],
  ['list of upsells + prices please', 'extras'],
  // How early the chef comes to set up is when the chef arrives; how early to book is the notice.
  ['how early does the chef arrive for setup', 'length'],
  ['last min booking tmrw?', 'booking'],
  // "How many" before a verb asks how many people; "that many" points at a headcount.
  ['how many can you serve?', 'party-size'],
  ['can you do that many?', 'party-size'],
  ['how much does a hibachi party run?', 'prices'],
  ['down pymt amount', 'deposit'],
  ['celiac disease is ok for hibachi?', 'dietary'],
  ['is there a spending floor?', 'minimum'],
  ['we dont have that many guests', 'minimum'],
  ['does everyone get their own plate or is it family style', 'menu'],
  ['cost per cover?', 'prices'],
  ['pricing sheet / rate card pls', 'prices'],
  ['91730 - inside your free zone?', 'travel'],
  ['gyoza: priced per piece or per order?', 'extras'],
  ['do we block 2 hours or 3 on the calendar?', 'length'],
  ['what add-ons can we still tack on to our order?', 'extras'],
  ['does the chef need a flat area?', 'equipment'],
  ['avail times?', 'booking'],
  ['grill brought?', 'equipment'],
  ['minimun req', 'minimum'],
  ['is our sloped backyard an issue', 'equipment'],
  ['does a big patio umbrella count as cover', 'rain'],
  ['what do you serve?', 'menu'],
  ['what does the chef cook', 'menu'],
  ['what does everyone get?', 'menu'],
  ['what do we need?', 'equipment'],
  ['when does the chef come', 'length'],
  ['wen do i pay', 'deposit'],
  ['whats the age cutoff', 'children'],
  ['do you service the IE', 'travel'],
  ['can we get more shrimp', 'extras'],
  ['do you accommodate allergies', 'dietary'],
  ['how far out can you book', 'booking'],
  ['do we need a covered area', 'rain'],
  ['what area you are covering', 'travel'],
  ['will the kids enjoy it?', 'children'],
  ['price for my 5yo', 'children'],
  ['do you round up if we dont hit the minimum', 'minimum'],
  ['do i pay the whole thing online or only part of it now', 'deposit'],
  ['what exactly is everyone getting on their plate?', 'menu'],
  ['how do I lock in a date?', 'booking'],
  ['my friend doesnt eat meat what can she have', 'dietary'],
  ['no seafood for my mother, is ok?', 'dietary'],
  ['do you charge for gas', 'travel'],
  ['what time will you leave', 'length'],
  ['is the free 30 miles counted from downtown LA or from my house', 'travel'],
  ['does the travel charge count toward the minimum or is it separate', 'minimum'],
  ['paid the $100 already, does that come off the final amount?', 'deposit'],
];

/** Questions the FAQ cannot answer: each must fall below the threshold and be handed to a person. */
const OFF_TOPIC = [
  'what’s the weather in Paris',
  'can you write my essay',
  'who won the game',
  'what is the capital of france',
  'tell me a joke',
  'how do i fix my car',
  'recommend a movie',
  'is the stock market up',
  'who is the president',
  'how tall is mount everest',
  'can you help with my homework',
  'what’s your favorite color',
  'translate this to spanish',
  'book a flight to new york',
  'whats the weather tomorrow',
  'whats the weather in san diego',
  'write me a poem about cats',
  'asdfghjkl',
  'do you sell pizza',
  'what is the meaning of life',
  'is it likely to rain on the moon',
  'do you serve alcohol',
  'whats the weather like',
  // Whether it will rain is the forecast, for a person; what happens if it does is the rain plan.
  'is it going to rain in Riverside this saturday',
  'whats the forecast for sat in irvine',
  'may i bring my own drinks',
  // The FAQ says how to pay by card; other ways to pay are for a person.
  'do you accept venmo',
  // Renting the tenant's grill, or a chef to cook the visitor's own meat, is for a person.
  'can we rent just the grill for the day',
  'can the chef cook steaks we buy ourselves?',
];

describe('FAQ ranking', () => {
  it('has a table worth the name', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PHRASINGS.map(([, topic]) => topic))).toEqual(new Set(faq.entries.map((e) => e.id)));
  });

  it.each(PHRASINGS)('%s → %s, confidently', (question, topic) => {
    const top = best(question);
    expect({ topic: top?.entry.id, concepts: explain(faq, question, { places }) }).toEqual({ topic, concepts: expect.any(Array) });
    expect(top?.score).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it.each(OFF_TOPIC)('“%s” falls below the threshold and is handed to a person', (question) => {
    expect(best(question)?.score ?? 0).toBeLessThan(CONFIDENCE_THRESHOLD);
    expect(answerFromFaq(demoTenant, question)).toMatchObject({
      topics: ['unsure'],
      confident: false,
      actions: [{ type: 'handoff', label: 'Talk to a person' }],
    });
  });

  it('keeps a margin on both sides of the threshold', () => {
    const onTopic = Math.min(...PHRASINGS.map(([q]) => best(q)?.score ?? 0));
    const offTopic = Math.max(...OFF_TOPIC.map((q) => best(q)?.score ?? 0));
    expect(onTopic).toBeGreaterThanOrEqual(0.8);
    expect(offTopic).toBeLessThanOrEqual(0.6);
    expect(CONFIDENCE_THRESHOLD).toBe(0.7);
  });

  it('mends typos and run-together words into the words the FAQ knows, and reads past words that name no topic', () => {
    expect(explain(faq, 'do you have vegitarian food')).toEqual(['vegetarian', 'menu']);
    expect(explain(faq, 'glutenfree?')).toEqual(['gluten']);
    expect(explain(faq, 'cancelation policy for my birthday party')).toEqual(['cancel']);
    // Short words and other first letters are not "corrected" into ours: "game" is not "gate", "won" not "own".
    expect(explain(faq, 'who won the game')).toEqual(['won', 'gam']);
  });

  it('reads a phrase in other words of the same meaning: "min order" is the minimum order', () => {
    expect(explain(faq, 'min order?')).toEqual(['minimum']);
    expect(explain(faq, 'whats the min purchase')).toEqual(['minimum']);
  });

  it('reads a one-word town name as a place only where a place is meant', () => {
    expect(explain(faq, 'do you travel to orange', { places })).toEqual(['travel']);
    expect(explain(faq, 'do you serve orange chicken', { places })).toContain('orang');
  });
});
