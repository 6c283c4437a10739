import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { type Encoding, negotiateEncoding } from './encoding';

/** The build's compressed twins of a file (scripts/compress.mjs), by the `Content-Encoding` they are served with. */
const TWIN_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export interface StaticFilesOptions {
  /** Folder the files are read from. */
  root: string;
  /** The URL path the folder is mounted at (`/embed`); `''` for the site's root. */
  prefix: string;
  /** The `Cache-Control` of a file, by its path inside the folder. */
  cacheControl: (path: string) => string;
}

interface Found {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Serves a folder's files as a CDN would: the brotli or gzip twin the build
 * wrote when the client accepts it (`Content-Encoding`, `Vary: Accept-Encoding`,
 * the twin's `Content-Length`), an ETag per file and encoding, and 304 to a
 * matching `If-None-Match`. A folder answers with its `index.html`; a folder's
 * URL without its trailing slash is redirected to it, so relative links in the
 * page (the treemaps', Storybook's) resolve inside the folder.
 */
export function staticFiles({ root, prefix, cacheControl }: StaticFilesOptions): MiddlewareHandler {
  // Content hashes, so a rebuild that changes nothing keeps every ETag (and every 304).
  const hashes = new Map<string, { key: string; hash: string }>();
  async function contentHash(file: Found): Promise<string> {
    const key = `${file.size}:${file.mtimeMs}`;
    const known = hashes.get(file.path);
    if (known?.key === key) return known.hash;
    const hash = createHash('sha256')
      .update(await readFile(file.path))
      .digest('base64url')
      .slice(0, 22);
    hashes.set(file.path, { key, hash });
    return hash;
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const inner = innerPath(c.req.path, prefix);
    if (inner === undefined) return next();
    let found = await find(join(root, inner));
    if (found === 'folder' && !inner.endsWith('/')) {
      const url = new URL(c.req.url);
      return c.redirect(`${url.pathname}/${url.search}`, 301);
    }
    if (found === 'folder') found = await find(join(root, inner, 'index.html'));
    if (!found || found === 'folder') return next();

    const twins = await Promise.all(
      (Object.keys(TWIN_SUFFIX) as Encoding[]).map(async (encoding) => {
        const twin = await find(found.path + TWIN_SUFFIX[encoding]);
        return twin && twin !== 'folder' ? { encoding, file: twin } : undefined;
      }),
    );
    const available = twins.filter((t) => t !== undefined);
    const chosen = negotiateEncoding(
      c.req.header('accept-encoding'),
      available.map((t) => t.encoding),
    );
    const served = available.find((t) => t.encoding === chosen)?.file ?? found;

    c.header('Content-Type', contentType(found.path));
    c.header('Cache-Control', cacheControl(relative(root, found.path)));
    if (available.length) c.header('Vary', 'Accept-Encoding', { append: true });
    // One resource, several representations: each encoding needs its own validator (RFC 9110 §8.8.3).
    const etag = `"${await contentHash(found)}${chosen ? `-${chosen}` : ''}"`;
    c.header('ETag', etag);
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    if (chosen) c.header('Content-Encoding', chosen);
    c.header('Content-Length', String(served.size));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(new Uint8Array(await readFile(served.path)), 200);
  };
}

/** The path inside the mounted folder, or undefined when the request is outside it or not a plain file path. */
function innerPath(requestPath: string, prefix: string): string | undefined {
  if (prefix && requestPath !== prefix && !requestPath.startsWith(`${prefix}/`)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(requestPath.slice(prefix.length));
  } catch {
    return undefined;
  }
  // No way out of the folder, no dot-files (Vite's `.vite/` manifest), no doubled or backward slashes.
  if (/(^|\/)\.|\/\/|\\|\0/.test(path)) return undefined;
  return path;
}

async function find(path: string): Promise<Found | 'folder' | undefined> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) return undefined;
  if (stats.isDirectory()) {
    const index = await stat(join(path, 'index.html')).catch(() => undefined);
    return index?.isFile() ? 'folder' : undefined;
  }
  return stats.isFile() ? { path, size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
}

function contentType(path: string): string {
  // Hono's table knows neither: source maps are JSON; the reports' sizes.md should show as text, not download.
  if (path.endsWith('.map')) return 'application/json; charset=utf-8';
  if (path.endsWith('.md')) return 'text/markdown; charset=utf-8';
  return getMimeType(path) ?? 'application/octet-stream';
}

/** `If-None-Match` by the weak comparison RFC 9110 §13.1.2 asks for (`W/` ignored), `*` matching anything. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
