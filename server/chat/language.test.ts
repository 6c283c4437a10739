import { describe, expect, it } from 'vitest';
import { demoTenant } from '../tenants';
import { answerFromFaq } from './faq-answerer';
import { answerLanguage, languageOfText } from './language';
import { spanishStem } from './stem';

describe('the language a message is answered in', () => {
  it('is the text’s when it says, whatever the page’s', () => {
    expect(answerLanguage('¿cuánto cuesta por adulto?', undefined)).toBe('es');
    expect(answerLanguage('cuanto cobran x persona', 'en')).toBe('es');
    expect(answerLanguage('how much per adult?', 'es-MX')).toBe('en');
  });

  it('is the page’s when the text leaves it open, by base language; else English', () => {
    expect(languageOfText('90210?')).toBeUndefined();
    expect(answerLanguage('90210?', 'es-MX')).toBe('es');
    expect(answerLanguage('$60?', 'fr')).toBe('en');
    expect(answerLanguage('ok', undefined)).toBe('en');
  });

  it('does not take English for Spanish for the dishes and words both share', () => {
    for (const text of ['menu?', 'kids menu', 'GF soy sauce??', 'jalapeño poppers? do you do those']) expect(answerLanguage(text, undefined)).toBe('en');
  });
});

describe('Spanish, read', () => {
  it('gives each form of a word one stem, accents, ñ and case aside', () => {
    expect(new Set(['ninos', 'nino', 'ninas', 'nina'].map(spanishStem)).size).toBe(1);
    expect(new Set(['cobran', 'cobrar', 'cobra'].map(spanishStem)).size).toBe(1);
    expect(new Set(['precios', 'precio'].map(spanishStem)).size).toBe(1);
  });

  it('answers the same question with or without its accents, ñ, ¿ and ¡', () => {
    const a = answerFromFaq(demoTenant, '¿Cuánto cuesta por niño?', 'es');
    const b = answerFromFaq(demoTenant, 'cuanto cuesta por nino', 'es');
    expect(a.topics).toEqual(['children']);
    expect(b).toEqual(a);
  });

  it('says the catalog’s figures in Spanish: the menu’s names, the seatings, the lists', () => {
    expect(answerFromFaq(demoTenant, '¿qué extras tienen?', 'es').text).toBe(
      'Puedes mejorar los platos con filete mignon (+$10 por plato) y cola de langosta (+$15 por plato), y agregar fideos yakisoba ($5 por plato), gyoza ($12 por plato de seis) y proteína extra ($15 cada una). Elígelos en la cotización para ver tu total.',
    );
    expect(answerFromFaq(demoTenant, '¿cómo reservo?', 'es').text).toMatch(/\(12:00 p\. m\., 3:00 p\. m\., 6:00 p\. m\. y 8:30 p\. m\.\)/);
  });

  it('answers in English for a tenant whose FAQ has no Spanish', () => {
    const { translations: _, ...english } = demoTenant.faq ?? { translations: undefined };
    const tenant = { ...demoTenant, faq: english as typeof demoTenant.faq };
    const asked = answerFromFaq(tenant, '¿cuánto cuesta por adulto?', 'es');
    expect(asked).toEqual(answerFromFaq(tenant, '¿cuánto cuesta por adulto?', 'en'));
    expect(asked.actions.map((a) => a.label)).not.toContain('Hablar con una persona');
  });
});
