import { describe, expect, it } from 'vitest';
import { llmConfigFromEnv } from './llm-config';

describe('the language model’s settings', () => {
  it('are optional', () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
  });

  it.each([
    ['https://api.openai.com/v1', 'https://api.openai.com/v1/chat/completions'],
    ['https://api.openai.com/v1/', 'https://api.openai.com/v1/chat/completions'],
    ['http://localhost:11434/v1/chat/completions', 'http://localhost:11434/v1/chat/completions'],
  ])('take a base or the endpoint itself: %s', (url, endpoint) => {
    expect(llmConfigFromEnv({ TEPPAN_LLM_URL: url, TEPPAN_LLM_MODEL: 'm', TEPPAN_LLM_KEY: 'k' })).toEqual({ url: endpoint, model: 'm', key: 'k' });
  });

  it('need a model, a URL, and https for a key beyond this machine', () => {
    expect(() => llmConfigFromEnv({ TEPPAN_LLM_URL: 'https://x.example/v1' })).toThrow(/TEPPAN_LLM_MODEL/);
    expect(() => llmConfigFromEnv({ TEPPAN_LLM_URL: 'not a url', TEPPAN_LLM_MODEL: 'm' })).toThrow(/not a URL/);
    expect(() => llmConfigFromEnv({ TEPPAN_LLM_URL: 'http://10.0.0.5/v1', TEPPAN_LLM_MODEL: 'm', TEPPAN_LLM_KEY: 'k' })).toThrow(/https/);
    expect(llmConfigFromEnv({ TEPPAN_LLM_URL: 'http://10.0.0.5/v1', TEPPAN_LLM_MODEL: 'm' })).toEqual({
      url: 'http://10.0.0.5/v1/chat/completions',
      model: 'm',
    });
  });
});
