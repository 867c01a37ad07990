// The bench's HTTP server on 127.0.0.1: Byline's dist/, the vanilla baseline and the article
// data, all with a long max-age and an ETag, so a second load in the same browser context is a
// real warm cache (the e2e harness's server sends no-store, which would defeat that). Pages
// are generated per request and never cached. Every request is logged, so the bench can count
// wasm fetches and prove that warm loads did not touch the network.

import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, mimeType } from '../../tests/e2e/harness.mjs';

const LONG_CACHE = 'public, max-age=31536000';

/**
 * @param {{ mounts: Record<string, string>, pages: (url: URL) => string | null }} options
 *   mounts: URL prefix ('/byline/') -> folder; pages: HTML for a path, or null (404).
 */
export async function startBenchServer({ mounts, pages }) {
  const log = [];
  const etags = new Map(); // file -> { mtimeMs, etag }

  async function etagOf(file, info) {
    const known = etags.get(file);
    if (known && known.mtimeMs === info.mtimeMs) return known.etag;
    const etag = `"${createHash('sha1').update(await readFile(file)).digest('base64url')}"`;
    etags.set(file, { mtimeMs: info.mtimeMs, etag });
    return etag;
  }

  async function serveFile(req, res, file) {
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) return notFound(res);
    const etag = await etagOf(file, info);
    const headers = { ETag: etag, 'Cache-Control': LONG_CACHE, 'Content-Type': mimeType(file) };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  // The harness's server, for its socket bookkeeping and close(); the handler answers every
  // request, so its root folder is never served.
  const server = await startStaticServer(path.dirname(fileURLToPath(import.meta.url)), {
    handler: async (req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      log.push({ path: url.pathname, status: null, at: Date.now() });
      const entry = log[log.length - 1];
      res.on('finish', () => { entry.status = res.statusCode; });
      const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
      if (prefix) {
        const root = mounts[prefix];
        const file = path.resolve(root, '.' + path.posix.normalize('/' + decodeURIComponent(url.pathname.slice(prefix.length))));
        if (!file.startsWith(root + path.sep)) return notFound(res), true;
        await serveFile(req, res, file);
        return true;
      }
      const html = pages(url);
      if (html == null) return notFound(res), true;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
      return true;
    },
  });

  return {
    ...server,
    /** Number of log entries so far: a mark to count requests from. */
    mark: () => log.length,
    /** Requests logged since `mark`, optionally only those whose path passes `filter`. */
    since: (mark, filter = () => true) => log.slice(mark).filter((r) => filter(r.path)),
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('404 Not Found\n');
}
