import axios, { type AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import axiosRetry from 'axios-retry';
import { problemDetails } from '../../contract';
import { errorFromProblem, TeppanError } from '../errors';
import { emitLog } from '../log';
import { apiBaseUrl } from './base-url';
import type { CallSettings, HttpClient, HttpClientOptions, RequestOptions } from './client';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy, serverWaitMs } from './retry-policy';
import { streamAdapter } from './stream-adapter';
import { TIMINGS } from './timeouts';

/** Why our own controller aborted the call, so the error can say what happened. */
class BudgetExceeded extends Error {}

/**
 * What the page's HTTP client (./client.ts) loads: one axios instance whose axios-retry interceptor
 * is the only place anything is retried (TanStack Query's retry stays off).
 */
export function createAxiosClient(options: HttpClientOptions): Pick<HttpClient, 'request' | 'stream'> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const instance: AxiosInstance = axios.create({
    baseURL: apiBaseUrl(options.apiBase),
    // ETIMEDOUT instead of ECONNABORTED, so a timeout is told apart from other aborts.
    transitional: { clarifyTimeoutError: true },
    headers: { Accept: 'application/json' },
  });
  // Per-call settings (retryCondition, retryDelay) come with each request below. The policy counts
  // retries itself (waiting on a request still in flight is bounded by the budget, not the count).
  axiosRetry(instance, { retries: Number.MAX_SAFE_INTEGER, shouldResetTimeout: true });

  /** One call, retried as the policy says: the response, or the one error the caller sees (logged once either way). */
  async function send(o: CallSettings, streamed = false): Promise<{ response: AxiosResponse<unknown>; done: (error?: TeppanError) => void }> {
    const timing = typeof o.timing === 'object' ? o.timing : TIMINGS[o.timing ?? 'default'];
    const callPolicy = o.maxWaitMs === undefined ? policy : { ...policy, maxWaitMs: o.maxWaitMs };
    const started = Date.now();
    const route = o.route ?? o.path;
    let nextDelayMs = 0;
    let waitTooLong = false;

    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(o.signal?.reason);
    if (o.signal?.aborted) onCallerAbort();
    o.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const budgetTimer = setTimeout(() => controller.abort(new BudgetExceeded()), timing.budgetMs);

    const headers: Record<string, string> = {};
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) params[k] = v;
    // GETs carry the key as a parameter: with no custom header they stay simple CORS requests, no preflight.
    if (o.method === 'GET') params.key = options.publishableKey;
    else headers.Authorization = `Bearer ${options.publishableKey}`;
    if (o.idempotencyKey) headers['Idempotency-Key'] = o.idempotencyKey;

    const finish = (status: number | undefined, attempts: number, error?: TeppanError) => {
      clearTimeout(budgetTimer);
      o.signal?.removeEventListener('abort', onCallerAbort);
      emitLog(options.onLog, {
        type: 'request',
        method: o.method,
        route,
        status,
        attempts,
        durationMs: Date.now() - started,
        ok: !error,
        ...(error ? { errorKind: error.kind } : {}),
      });
    };

    let response: AxiosResponse<unknown>;
    try {
      response = await instance.request({
        method: o.method,
        url: o.path,
        params,
        data: o.body,
        headers,
        timeout: timing.attemptMs,
        signal: controller.signal,
        // A streamed answer needs fetch: XHR hands over nothing until the body is complete.
        ...(streamed ? { adapter: streamAdapter, responseType: 'stream' as const } : {}),
        'axios-retry': {
          retryCondition: (error: AxiosError) => {
            if (controller.signal.aborted) return false;
            const decision = decideRetry(
              {
                method: o.method,
                hasIdempotencyKey: Boolean(o.idempotencyKey),
                status: error.response?.status,
                retryAfterMs: serverWaitMs(
                  error.response?.status,
                  error.response?.headers?.['retry-after'] as string | undefined,
                  error.response?.headers?.ratelimit as string | undefined,
                ),
                retriesSoFar: error.config?.['axios-retry']?.retryCount ?? 0,
                remainingMs: timing.budgetMs - (Date.now() - started),
                retryNoAnswer: o.retryNoAnswer,
              },
              callPolicy,
            );
            if (!decision.retry) {
              waitTooLong = decision.reason === 'wait-too-long';
              return false;
            }
            nextDelayMs = decision.delayMs;
            return true;
          },
          retryDelay: () => nextDelayMs,
        },
      });
    } catch (cause) {
      const error = toTeppanError(cause, controller.signal, waitTooLong, await streamedProblem(cause));
      finish(error.status, error.attempts, error);
      throw error;
    }
    return { response, done: (error) => finish(response.status, attemptsOf(response.config), error) };
  }

  async function request<T>(o: RequestOptions<T>): Promise<T> {
    const { response, done } = await send(o);
    const parsed = o.schema.safeParse(response.data);
    if (!parsed.success) {
      const error = new TeppanError({ kind: 'bad_response', status: response.status, attempts: attemptsOf(response.config), cause: parsed.error });
      done(error);
      throw error;
    }
    done();
    return parsed.data;
  }

  async function stream(o: CallSettings): Promise<ReadableStream<Uint8Array>> {
    const { response, done } = await send(o, true);
    if (!(response.data instanceof ReadableStream)) {
      const error = new TeppanError({ kind: 'bad_response', status: response.status, attempts: attemptsOf(response.config) });
      done(error);
      throw error;
    }
    // Logged once the answer starts: what follows is the caller's to read.
    done();
    return response.data;
  }

  return { request, stream };
}

function attemptsOf(config: { 'axios-retry'?: { retryCount?: number } } | undefined): number {
  return (config?.['axios-retry']?.retryCount ?? 0) + 1;
}

/** A refusal's body: a streamed call's is a stream, read here so its problem document can speak. */
async function streamedProblem(cause: unknown): Promise<unknown> {
  const data = axios.isAxiosError(cause) ? cause.response?.data : undefined;
  if (typeof ReadableStream === 'undefined' || !(data instanceof ReadableStream)) return data;
  try {
    return await new Response(data).json();
  } catch {
    return undefined;
  }
}

/** Maps whatever the last attempt ended with to the one error the caller sees. */
function toTeppanError(cause: unknown, signal: AbortSignal, waitTooLong: boolean, body: unknown): TeppanError {
  if (!axios.isAxiosError(cause)) {
    return new TeppanError({ kind: 'bad_response', cause });
  }
  const attempts = attemptsOf(cause.config);
  if (axios.isCancel(cause) || cause.code === 'ERR_CANCELED') {
    const kind = signal.reason instanceof BudgetExceeded ? 'timeout' : 'aborted';
    // Cancelled during a backoff wait: the scheduled attempt was never sent (no request object).
    return new TeppanError({ kind, attempts: cause.request ? attempts : attempts - 1, cause });
  }
  const res = cause.response;
  if (!res) {
    const timedOut = cause.code === 'ETIMEDOUT' || cause.code === 'ECONNABORTED';
    return new TeppanError({ kind: timedOut ? 'timeout' : 'network', attempts, cause });
  }
  const problem = problemDetails.safeParse(body);
  const error = errorFromProblem(res.status, problem.success ? problem.data : undefined, attempts);
  if (waitTooLong) {
    return new TeppanError({ kind: 'busy', status: res.status, problem: error.problem, attempts, cause });
  }
  return error;
}
