// Types for the two axios internals the stream adapter reuses (axios exports them under `unsafe/`, untyped).
declare module 'axios/unsafe/helpers/resolveConfig.js' {
  import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';
  /** The request as the adapters send it: the full URL with its parameters, the headers (XSRF included). */
  export default function resolveConfig(config: InternalAxiosRequestConfig): InternalAxiosRequestConfig & {
    url: string;
    method: string;
    headers: AxiosHeaders;
  };
}

declare module 'axios/unsafe/core/settle.js' {
  import type { AxiosResponse } from 'axios';
  /** Resolves a response whose status `validateStatus` accepts; rejects the others as axios's `ERR_BAD_REQUEST`/`ERR_BAD_RESPONSE`. */
  export default function settle(resolve: (response: AxiosResponse) => void, reject: (error: unknown) => void, response: AxiosResponse): void;
}
