import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemDetails } from '../../src/contract';
import { ask, chatPost, endOf } from '../support/chat';
import { startServer, type TestServer } from '../support/server';

/** The real server and its demo tenant: the adult price is the catalog's $60. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const replyTo = async (text: string, locale?: string) => endOf(await ask(server.url, { text, ...(locale && { locale }) }))?.message;

describe('the chat in Spanish (POST /api/v1/chat/messages)', () => {
  it('answers a Spanish price question in Spanish, with the catalog’s adult price, from a Spanish page', async () => {
    const reply = await replyTo('¿cuánto cuesta por adulto?', 'es-MX');
    expect(reply?.text).toMatch(/\$60 por adulto/);
    expect(reply?.text).toMatch(/\$30 por niño menor de 12 años/);
    expect(reply?.text).not.toMatch(/per adult|per child/);
    expect(reply).toMatchObject({ confident: true, actions: [{ type: 'quote', label: 'Cotizar' }] });
  });

  it('answers Spanish written on an English page in Spanish, accents or not; English written on a Spanish page in English', async () => {
    expect((await replyTo('cuanto cobran x persona'))?.text).toMatch(/\$60 por adulto/);
    expect((await replyTo('how much per adult?', 'es'))?.text).toMatch(/\$60 per adult/);
  });

  it('lets the page’s language decide what the text leaves open', async () => {
    const travel = await replyTo('92660?', 'es');
    expect(travel?.text).toMatch(/millas de nosotros/);
    expect((await replyTo('92660?'))?.text).toMatch(/miles from us/);
  });

  it('hands a Spanish question it cannot answer to a person, in Spanish', async () => {
    const reply = await replyTo('¿pueden traer un mago?', 'es');
    expect(reply).toMatchObject({ confident: false, actions: [{ type: 'handoff', label: 'Hablar con una persona' }] });
    expect(reply?.text).toMatch(/Hablar con una persona/);
  });

  it('answers both topics of a two-part Spanish question, and says what it leaves to a person', async () => {
    const both = await replyTo('¿de cuánto es el anticipo y es reembolsable?', 'es');
    expect(both?.text).toMatch(/anticipo de \$100/);
    expect(both?.text).toMatch(/reembols/);
    const part = await replyTo('cuánto sale por adulto y traen mariachi?', 'es');
    expect(part?.text).toMatch(/\$60 por adulto/);
    expect(part).toMatchObject({ actions: expect.arrayContaining([{ type: 'handoff', label: 'Hablar con una persona' }]) });
  });

  it('refuses a locale that is not a language tag', async () => {
    const res = await chatPost(server.url, { text: 'hola', locale: 'español!' });
    expect(res.status).toBe(422);
    const problem = problemDetails.parse(await res.json());
    expect(problem.errors?.map((e) => e.field)).toEqual(['locale']);
  });
});
