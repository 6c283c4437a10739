const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LlmConfig {
  /** The chat-completions endpoint itself (`…/v1/chat/completions`). */
  url: string;
  model: string;
  /** Sent as a Bearer token; local servers often need none. */
  key?: string;
}

/**
 * The optional language model, from the environment: TEPPAN_LLM_URL (any
 * OpenAI-compatible API: its base, e.g. `https://api.openai.com/v1`, or the
 * chat-completions URL itself), TEPPAN_LLM_MODEL, TEPPAN_LLM_KEY. Unset: the
 * chat answers from the FAQ alone. Throws on settings that cannot work or would leak the key.
 */
export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig | undefined {
  const raw = env.TEPPAN_LLM_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`TEPPAN_LLM_URL is not a URL: ${raw}`);
  }
  const model = env.TEPPAN_LLM_MODEL?.trim();
  if (!model) throw new Error('TEPPAN_LLM_MODEL must name the model when TEPPAN_LLM_URL is set.');
  const key = env.TEPPAN_LLM_KEY?.trim() || undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`TEPPAN_LLM_URL must be http(s), not ${url.protocol}`);
  // The key travels in every request's headers: plain HTTP only to this machine.
  if (key && url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new Error(`TEPPAN_LLM_URL must be https:// when TEPPAN_LLM_KEY is set (http:// only on loopback), not ${url.origin}.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/chat/completions') ? path : `${path}/chat/completions`;
  return { url: url.toString(), model, ...(key ? { key } : {}) };
}
