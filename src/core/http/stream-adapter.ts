import axios, { type AxiosAdapter, AxiosError, AxiosHeaders, type AxiosResponse, CanceledError } from 'axios';

/**
 * The adapter of a streamed call: fetch, whose body can be read as it arrives
 * (XHR hands over nothing until the body is complete). Ours rather than axios's
 * fetch adapter, which carries upload progress, multipart bodies and size
 * limits no chat message needs; without it the embed drops that adapter
 * (vite.config.ts, STAND_INS). It fails as axios's does, so the client maps
 * its errors alike: a timeout is `ETIMEDOUT`, an abort `ERR_CANCELED`, a lost
 * connection `ERR_NETWORK`, a refusal the status with the body as a stream.
 * The attempt's timeout runs until the body ends, as there.
 *
 * Only public axios API: by the time an adapter runs, axios has merged the
 * instance's defaults, set the headers and turned the body into JSON text;
 * `getUri` adds the base URL and the parameters. What axios's own adapters do
 * besides (XSRF cookies, basic auth, FormData bodies) no call of ours asks for.
 */
export const streamAdapter: AxiosAdapter = async (config) => {
  const { data, headers, signal, timeout } = config;
  const controller = new AbortController();
  const callerSignal = signal as AbortSignal | undefined;
  const onAbort = () => {
    const reason: unknown = callerSignal?.reason;
    controller.abort(reason instanceof AxiosError ? reason : new CanceledError(reason instanceof Error ? reason.message : (reason as string | undefined)));
  };
  const timer = timeout ? setTimeout(() => controller.abort(new AxiosError(`timeout of ${timeout}ms exceeded`, AxiosError.ETIMEDOUT)), timeout) : undefined;
  const release = () => {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  };
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });

  let request: Request | undefined;
  let response: Response;
  try {
    request = new Request(axios.getUri(config), {
      method: (config.method ?? 'get').toUpperCase(),
      headers: headers.toJSON() as Record<string, string>,
      body: data ?? null,
      signal: controller.signal,
    });
    response = await fetch(request);
  } catch (cause) {
    release();
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof AxiosError) {
      reason.config = config;
      if (request) reason.request = request;
      throw reason;
    }
    const error = new AxiosError('Network Error', AxiosError.ERR_NETWORK, config, request);
    error.cause = cause as Error;
    throw error;
  }
  // Released once the body has been read to its end; a body cut short by the timeout errors with it.
  const body = response.body ? response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: release })) : null;
  if (!body) release();
  const answer: AxiosResponse = {
    data: body,
    headers: AxiosHeaders.from(response.headers as unknown as Record<string, string>),
    status: response.status,
    statusText: response.statusText,
    config,
    request,
  };
  // As axios settles every response: a status `validateStatus` refuses is an error carrying the response.
  if (config.validateStatus && !config.validateStatus(answer.status)) {
    const code = answer.status >= 400 && answer.status < 500 ? AxiosError.ERR_BAD_REQUEST : AxiosError.ERR_BAD_RESPONSE;
    throw new AxiosError(`Request failed with status code ${answer.status}`, code, config, request, answer);
  }
  return answer;
};
