import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLlm, startFakeLlm } from '../../test/support/fake-llm';
import { demoTenant } from '../tenants';
import type { AnswerOutcome } from './answerer';
import { answerFromFaq, createFaqAnswerer } from './faq-answerer';
import { CUT_OFF_IN, createLlmAnswerer } from './llm-answerer';
import { llmConfigFromEnv } from './llm-config';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
});

const faq = createFaqAnswerer({ wordsPerDelta: 3, delayMs: 1, budgetMs: 50 });

function setup(firstTokenMs = 400) {
  const warnings: string[] = [];
  const config = llmConfigFromEnv({ TEPPAN_LLM_URL: fake.url, TEPPAN_LLM_MODEL: 'fake-model', TEPPAN_LLM_KEY: 'sk-fake-key' }) ?? expect.fail('configured');
  const answerer = createLlmAnswerer(config, faq, { firstTokenMs, stallMs: 400, warn: (m) => warnings.push(m) });
  const ask = async (question: string, history: { role: 'visitor' | 'assistant'; text: string }[] = []) => {
    const pieces: string[] = [];
    const started = Date.now();
    const outcome: AnswerOutcome = await answerer.answer(
      { tenant: demoTenant, question, history: history.map((m, i) => ({ ...m, id: `m${i}`, createdAt: '2027-01-01T00:00:00.000Z' })) },
      (p) => pieces.push(p),
    );
    return { pieces, text: pieces.join(''), outcome, ms: Date.now() - started };
  };
  return { ask, warnings };
}

describe('the language-model answerer', () => {
  it('streams the model’s pieces as they come, grounded on the FAQ and the catalog’s real figures', async () => {
    fake.behave({ kind: 'answer', reply: ['It’s $60 ', 'per adult ', 'and $30 per child.'], pieceDelayMs: 20 });
    const { ask, warnings } = setup();
    const answer = await ask('how much per kid', [
      { role: 'visitor', text: 'hi' },
      { role: 'assistant', text: 'Hi! What would you like to know?' },
    ]);
    expect(answer.pieces).toEqual(['It’s $60 ', 'per adult ', 'and $30 per child.']);
    expect(answer.outcome).toEqual({ actions: [{ type: 'quote', label: 'Get a quote' }], confident: true });
    expect(warnings).toEqual([]);

    const [sent] = fake.requests;
    expect(sent).toMatchObject({ model: 'fake-model', stream: true, authorization: 'Bearer sk-fake-key' });
    const system = sent?.messages[0]?.content ?? '';
    expect(sent?.messages[0]?.role).toBe('system');
    for (const figure of ['$60', '$30', 'under 12', '$600', '$100', 'ZIP 90012', '$2 per mile', '100 miles', '12:00 PM', '48 hours', '15 minutes']) {
      expect(system).toContain(figure);
    }
    // The FAQ's answers, rendered: no placeholder reaches the model.
    expect(system).toContain(answerFromFaq(demoTenant, 'what if it rains').text);
    expect(system).not.toMatch(/\{\w+\}/);
    expect(system).toMatch(/Answer only from the facts and the FAQ below/);
    expect(sent?.messages.slice(1)).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hi! What would you like to know?' },
      { role: 'user', content: 'how much per kid' },
    ]);
  });

  it('gives the model a ZIP’s travel price, worked out by the rules', async () => {
    fake.behave({ kind: 'answer', reply: ['Yes, we do.'] });
    await setup().ask('do u come to 92660');
    expect(fake.requests[0]?.messages[0]?.content).toContain("The visitor's ZIP code: 92660 is 37 miles from us: travel is $14.");
  });

  it('takes no ZIP from the digits of a pasted link', async () => {
    fake.behave({ kind: 'answer', reply: ['Yes, we do.'] });
    await setup().ask('https://example.com/listing/90210 do you travel there?');
    expect(fake.requests[0]?.messages[0]?.content).not.toContain("The visitor's ZIP code");
  });

  it('offers a person when the FAQ is not sure of the question, whatever the model says', async () => {
    fake.behave({ kind: 'answer', reply: ['I can only help with our catering.'] });
    const answer = await setup().ask('who won the game');
    expect(answer.outcome).toEqual({ actions: [{ type: 'handoff', label: 'Talk to a person' }], confident: false });
  });

  it.each([
    ['fails', { kind: 'fail', status: 500 }, /answered 500/],
    ['is rate-limited', { kind: 'fail', status: 429 }, /answered 429/],
    ['sends no text in time', { kind: 'silent' }, /no answer within 400 ms/],
    ['is slow to its first piece', { kind: 'answer', reply: ['Too late.'], firstPieceAfterMs: 1500 }, /no answer within 400 ms/],
    ['sends something that is not a completion', { kind: 'garbage' }, /other than JSON/],
    ['breaks before any text', { kind: 'break', reply: ['never sent'], after: 0 }, /broke/],
  ] as const)('answers from the FAQ when the model %s', async (_, behaviour, why) => {
    fake.behave(behaviour);
    const { ask, warnings } = setup();
    const answer = await ask('whats the deposit');
    const expected = answerFromFaq(demoTenant, 'whats the deposit');
    expect(answer.text).toBe(expected.text);
    expect(answer.outcome).toEqual({ actions: expected.actions, confident: true });
    expect(answer.ms).toBeLessThan(1200);
    expect(warnings).toEqual([expect.stringMatching(why)]);
    expect(warnings[0]).not.toContain('deposit');
  });

  it('answers from the FAQ when the model cannot be reached at all', async () => {
    const warnings: string[] = [];
    const answerer = createLlmAnswerer({ url: 'http://127.0.0.1:9/v1/chat/completions', model: 'm' }, faq, { warn: (m) => warnings.push(m) });
    const pieces: string[] = [];
    await answerer.answer({ tenant: demoTenant, question: 'cancel policy', history: [] }, (p) => pieces.push(p));
    expect(pieces.join('')).toBe(answerFromFaq(demoTenant, 'cancel policy').text);
    expect(warnings).toEqual([expect.stringMatching(/cannot reach the model/)]);
  });

  it('keeps what the visitor has seen when the model breaks off mid-answer, says so, and offers a person', async () => {
    fake.behave({ kind: 'break', reply: ['The deposit ', 'is $100 ', 'and'], after: 2 });
    const { ask, warnings } = setup();
    const answer = await ask('whats the deposit');
    expect(answer.pieces).toEqual(['The deposit ', 'is $100 ', CUT_OFF_IN.en]);
    expect(answer.outcome).toEqual({ actions: [{ type: 'handoff', label: 'Talk to a person' }], confident: false });
    expect(warnings).toEqual([expect.stringMatching(/broke off mid-answer/)]);
  });

  it('cuts a stalled answer off where it stopped', async () => {
    fake.behave({ kind: 'answer', reply: ['Rain or ', 'shine.'], pieceDelayMs: 900 });
    const { ask, warnings } = setup();
    const answer = await ask('what if it rains');
    expect(answer.pieces).toEqual(['Rain or ', CUT_OFF_IN.en]);
    expect(answer.ms).toBeLessThan(800);
    expect(warnings).toEqual([expect.stringMatching(/stalled for 400 ms/)]);
  });
});
