import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CUT_AFTER_BYTES_HEADER } from '../chaos';
import { negotiateEncoding } from './encoding';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed body saves less than its headers and the work cost. */
export const COMPRESS_THRESHOLD = 1024;

/** JSON and problem details only: never the chat's NDJSON, which must stream as it is written. */
const COMPRESSIBLE = /^application\/(problem\+)?json\b/i;

/**
 * An API answer compressed for a client that accepts it: whole JSON bodies over
 * 1 kB (the OpenAPI document, availability, admin lists), brotli at quality 5
 * (a dynamic body: fast to make, still smaller than gzip), else gzip. Every JSON
 * answer says `Vary: Accept-Encoding`, compressed or not, so a shared cache
 * never hands one client's coding to another. Left alone: streams (no known
 * length), HEAD, answers already encoded or marked `no-transform`, and an
 * answer a chaos fault will cut, whose cut must fall in the bytes the client reads.
 */
export async function compressJson(request: Request, response: Response): Promise<Response> {
  if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
  if (response.headers.has('content-encoding') || /no-transform/i.test(response.headers.get('cache-control') ?? '')) return response;
  const vary = response.headers.get('vary');
  if (vary !== '*' && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary ?? '')) {
    response.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  if (request.method === 'HEAD' || !response.body || response.headers.has(CUT_AFTER_BYTES_HEADER)) return response;
  const encoding = negotiateEncoding(request.headers.get('accept-encoding') ?? undefined, ['br', 'gzip']);
  if (!encoding) return response;
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  const init = { status: response.status, statusText: response.statusText, headers };
  if (bytes.length < COMPRESS_THRESHOLD) {
    headers.set('content-length', String(bytes.length));
    return new Response(bytes, init);
  }
  const body =
    encoding === 'br'
      ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      : await gzipAsync(bytes, { level: 6 });
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(body.length));
  // A validator names one representation: the compressed one is another (RFC 9110 §8.8.3).
  const etag = headers.get('etag');
  if (etag) headers.set('etag', etag.replace(/"$/, `-${encoding}"`));
  return new Response(body, init);
}
