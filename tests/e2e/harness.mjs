// Shared helpers for Byline's end-to-end tests (node --test, Playwright over Debian Chromium).
//
//   import { startStaticServer, launchBrowser, distDir, artifactsDir } from './harness.mjs';
//
// Never downloads a browser: playwright-core drives the system Chromium
// (env CHROMIUM, default /usr/bin/chromium).

import { createServer } from 'node:http';
import { createReadStream, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of the repository root. */
export const repoRoot = path.resolve(here, '..', '..');

/** Absolute path of trunk's output folder (dist/), built by `make build`. */
export const distDir = path.join(repoRoot, 'dist');

/** Folder for screenshots and other test artifacts (gitignored), created on import. */
export const artifactsDir = path.join(here, 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file name ('application/octet-stream' when unknown). */
export function mimeType(fileName) {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A tiny static file server on 127.0.0.1.
 *
 * @param {string} rootDir folder to serve
 * @param {{ port?: number, handler?: (req: import('node:http').IncomingMessage,
 *           res: import('node:http').ServerResponse) => boolean | Promise<boolean> }} [options]
 *   port: 0 (default) picks a free port. handler: called first for every request; return true
 *   when it has answered (e.g. to add CORS/CSP headers, fake an API, or inject failures).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 *   url is 'http://127.0.0.1:PORT' (no trailing slash).
 */
export async function startStaticServer(rootDir, { port = 0, handler } = {}) {
  const root = path.resolve(rootDir);

  const server = createServer(async (req, res) => {
    try {
      if (handler && (await handler(req, res))) return;
      await serveFile(root, req, res);
    } catch (err) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end(`500 ${err && err.message ? err.message : err}\n`);
    }
  });

  // Track sockets so close() does not wait for the browser's keep-alive connections.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  let closed;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close() {
      closed ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

function sendStatus(res, status, message, extraHeaders = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extraHeaders });
  res.end(`${status} ${message}\n`);
}

async function serveFile(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendStatus(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }

  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    sendStatus(res, 400, 'Bad Request');
    return;
  }
  if (pathname.includes('\0')) {
    sendStatus(res, 400, 'Bad Request');
    return;
  }

  // Resolve inside root; anything that escapes it (../, encoded %2e%2e, absolute) is a 404.
  const filePath = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    sendStatus(res, 404, 'Not Found');
    return;
  }

  let target = filePath;
  let info = await stat(target).catch(() => null);
  if (info && info.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Relative URLs in the index page must resolve inside the directory.
      const location = new URL(req.url, 'http://127.0.0.1');
      location.pathname += '/';
      res.writeHead(301, { Location: location.pathname + location.search });
      res.end();
      return;
    }
    target = path.join(target, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info || !info.isFile()) {
    sendStatus(res, 404, 'Not Found');
    return;
  }

  res.writeHead(200, {
    'Content-Type': mimeType(target),
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise((resolve, reject) => {
    const stream = createReadStream(target);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

/** Flags for Chromium on machines with no internet and as root (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless system Chromium through playwright-core (a fresh temporary profile each
 * time). Close it with `await browser.close()`.
 * @param {import('playwright-core').LaunchOptions} [options] merged over the defaults
 */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

/**
 * Polls `read()` until its result deep-equals `expected` (5 s at most), then asserts that it
 * does: for state that settles after an animation or a request, without fixed sleeps.
 */
export async function eventually(read, expected, message) {
  const { deepStrictEqual } = await import('node:assert/strict');
  let actual;
  for (let i = 0; i < 100; i++) {
    actual = await read();
    if (JSON.stringify(actual) === JSON.stringify(expected)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  deepStrictEqual(actual, expected, message);
}

/**
 * `startStaticServer` over `root` that records every request ({ path, query, headers, at }).
 * cors: answer every response with `Access-Control-Allow-Origin: *`.
 * route(req, res, url): called first; return true when it has answered.
 */
export async function startRecordingServer(root, { cors = false, route } = {}) {
  const requests = [];
  let inFlight = 0;
  const server = await startStaticServer(root, {
    handler: async (req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      requests.push({ path: url.pathname, query: url.search, headers: req.headers, at: Date.now() });
      inFlight++;
      res.on('close', () => inFlight--);
      if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
      return route ? Boolean(await route(req, res, url)) : false;
    },
  });
  return {
    ...server,
    requests,
    /** How many requests have not been answered yet. */
    inFlight: () => inFlight,
    /** How many requests asked for `pathname`. */
    count: (pathname) => requests.filter((r) => r.path === pathname).length,
    /** The requests for `pathname`. */
    requestsFor: (pathname) => requests.filter((r) => r.path === pathname),
  };
}

/** The WCAG 2.2 AA rules the accessibility checks run (axe-core tags). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

let axeSource;

/**
 * Runs axe-core (node_modules) over the whole page, open shadow roots included, with the rules
 * tagged `tags`; the violations as "rule: targets".
 */
export async function axeViolations(page, tags = AXE_TAGS) {
  axeSource ??= await readFile(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    tags,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
