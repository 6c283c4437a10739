import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromFaq } from '../../server/chat/faq-answerer';
import { demoTenant } from '../../server/tenants';
import { ask, deltasOf, endOf } from '../support/chat';
import { type FakeLlm, startFakeLlm } from '../support/fake-llm';
import { startServer, type TestServer } from '../support/server';

/** The real server with a language model configured from the environment: a local fake of an OpenAI-compatible endpoint. */
let fake: FakeLlm;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeLlm();
  server = await startServer({ TEPPAN_LLM_URL: fake.url, TEPPAN_LLM_MODEL: 'fake-model', TEPPAN_LLM_KEY: 'sk-fake-key' });
});
afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});

describe('chat with a language model', () => {
  it('streams the model’s answer piece by piece and stores it', async () => {
    fake.behave({ kind: 'answer', reply: ['Yes! ', 'Kids under 12 ', 'are $30.'], pieceDelayMs: 30 });
    const reply = await ask(server.url, { text: 'how much per kid' });
    expect(deltasOf(reply)).toEqual(['Yes! ', 'Kids under 12 ', 'are $30.']);
    expect(endOf(reply)?.message).toMatchObject({ text: 'Yes! Kids under 12 are $30.', confident: true, actions: [{ type: 'quote' }] });
    expect(fake.requests.at(-1)).toMatchObject({ model: 'fake-model', authorization: 'Bearer sk-fake-key' });
  });

  it('tells the model the visitor writes Spanish, and gives it the FAQ in Spanish with the catalog’s figures', async () => {
    fake.behave({ kind: 'answer', reply: ['Son $60 por adulto.'], pieceDelayMs: 0 });
    const reply = await ask(server.url, { text: '¿cuánto cuesta por adulto?', locale: 'es' });
    expect(endOf(reply)?.message).toMatchObject({ text: 'Son $60 por adulto.', actions: [{ type: 'quote', label: 'Cotizar' }] });
    const system = fake.requests.at(-1)?.messages[0]?.content ?? '';
    expect(system).toMatch(/The visitor writes in Spanish: answer in Spanish/);
    expect(system).toMatch(/Cuesta \$60 por adulto y \$30 por niño menor de 12 años/);
    // An English question on the same Spanish page is answered in English.
    fake.behave({ kind: 'answer', reply: ['$60 per adult.'], pieceDelayMs: 0 });
    await ask(server.url, { text: 'how much per adult', locale: 'es' });
    expect(fake.requests.at(-1)?.messages[0]?.content).toMatch(/The visitor writes in English: answer in English/);
  });

  it('answers from the FAQ when the model fails', async () => {
    fake.behave({ kind: 'fail', status: 503 });
    const reply = await ask(server.url, { text: 'whats the deposit' });
    expect(endOf(reply)?.message.text).toBe(answerFromFaq(demoTenant, 'whats the deposit').text);
    expect(deltasOf(reply).length).toBeGreaterThan(3);
  });
});
