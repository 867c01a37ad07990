// Fixtures for tests/e2e/trust.test.mjs: a recording, fault-injecting server around the
// harness's static server, edition documents built on the fly, and host pages.
//
//   const server = await trustServer(distDir);
//   server.route('/api/x.json', (req, res) => { ...; return true; });
//   server.json('/api/ok.json', edition({ headline: 'Hello' }));
//   server.page('/page.html', hostPage({ body: placeholder(...) }));
//   server.count('/api/x.json'); server.requests; await server.close();

import { startRecordingServer } from './harness.mjs';

/**
 * The harness's static server over `root`, plus: routes registered by path (the handler may
 * answer, delay or break the response), JSON documents and HTML pages served by path, and a
 * record of every request ({ path, query, headers, at }).
 */
export async function trustServer(root) {
  const routes = new Map();
  const server = await startRecordingServer(root, {
    route: (req, res, url) => {
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return true;
      }
      const route = routes.get(url.pathname);
      return route ? route(req, res, url) : false;
    },
  });
  return {
    ...server,
    /** Answers `pathname` with `handler(req, res, url)`, which returns true when it answered. */
    route(pathname, handler) {
      routes.set(pathname, handler);
      return server.url + pathname;
    },
    /** Serves `body` (an object is serialized) as JSON at `pathname`. */
    json(pathname, body, headers = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return this.route(pathname, (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
        res.end(text);
        return true;
      });
    },
    /** Serves `html` as an HTML page at `pathname`. */
    page(pathname, html) {
      return this.route(pathname, (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(html);
        return true;
      });
    },
  };
}

/**
 * A valid edition document (format version 1). `editions` lists [lang, country, url] triples
 * and must include the edition itself; every other field can be overridden.
 */
export function edition({
  lang = 'en',
  country = 'US',
  headline = 'Trust test headline',
  body = [{ id: 'p1', type: 'paragraph', content: ['A paragraph of the test article.'] }],
  editions = [[lang, country, `${lang}-${country}.json`]],
  ...rest
} = {}) {
  return {
    version: 1,
    id: 'trust-test-article',
    lang,
    country,
    headline,
    published: '2025-07-04T16:20:00Z',
    source: { name: 'Trust Test Times', url: 'https://news.example/original' },
    body,
    editions: editions.map(([l, c, url]) => ({ lang: l, country: c, url })),
    ...rest,
  };
}

/** A schema.org NewsArticle as a page's JSON-LD carries it; `extra` adds or overrides properties. */
export function jsonLdArticle(lang, headline, body, extra = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    articleBody: body,
    datePublished: '2025-07-04T10:00:00+02:00',
    inLanguage: lang,
    ...extra,
  };
}

/** A page with the loader at the end of <body>. */
export function hostPage({ head = '', body, loader = '<script async src="/byline.js"></script>' }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Trust test page</title>${head}</head>
<body>
${body}
${loader}
</body>
</html>`;
}

/** A placeholder div; `attrs` are data-* attributes (without the prefix). */
export function placeholder(id, attrs, inner = '') {
  const escape = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const data = Object.entries(attrs).map(([name, value]) => ` data-${name}="${escape(value)}"`).join('');
  return `<div class="byline-article" id="${id}"${data}>${inner}</div>`;
}

/** The placeholder's own content, shown before the widget renders and after it fails. */
export const FALLBACK = '<p class="fallback"><a href="https://news.example/original">Fallback headline</a></p>';

export const EVENT_TYPES = ['ready', 'render', 'error', 'languagechange', 'countrychange', 'resize'];

/** Init script: records the widgets' CustomEvents (bubbling, composed) in window.__events. */
export function recordEvents(types) {
  window.__events = [];
  for (const type of types) {
    document.addEventListener(type, (event) => {
      if (!(event instanceof CustomEvent)) return;
      const target = event.target;
      window.__events.push({ type, id: target && target.id, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
    });
  }
}

/** The events recorded so far (only those on `id`, when given). */
export function events(page, id) {
  return page.evaluate((id) => window.__events.filter((e) => !id || e.id === id), id);
}

/** Waits until `count` events of `type` arrived on `id`; returns the last one. */
export async function waitForEvents(page, id, type, count = 1) {
  await page.waitForFunction(
    ({ id, type, count }) => window.__events.filter((e) => e.id === id && e.type === type).length >= count,
    { id, type, count },
  );
  return (await events(page, id)).filter((e) => e.type === type).at(-1);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
