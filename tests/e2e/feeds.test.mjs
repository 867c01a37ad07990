// End-to-end: RSS 2.0 and Atom 1.0 as data-related-src fill the carousel (parsed by the
// browser's DOMParser, mapped by the formats module); a malformed feed is a clear error while
// the article stays. The feeds are the model's native fixtures, so both sides map the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, launchBrowser, distDir, repoRoot } from './harness.mjs';

const fixture = (name) => readFileSync(path.join(repoRoot, 'model/tests/fixtures/xmlfeed', name), 'utf8');
const edition = (name) => JSON.parse(readFileSync(path.join(repoRoot, 'data/editions', `${name}.json`), 'utf8'));

// Each feed is served under a type and URL that say nothing of what it is: the widget reads
// the body.
const FEEDS = {
  '/feeds/de.rss': ['application/rss+xml; charset=utf-8', fixture('rss-2.0.xml')],
  '/feeds/latest.json': ['application/json', fixture('atom.xml')],
  '/feeds/broken': ['text/xml', fixture('malformed.xml')],
  '/feeds/sitemap.xml': ['application/xml', fixture('not-a-feed.xml')],
};

const page = (edition, feed) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Feeds</title>
  <script async src="/byline.js"></script></head>
  <body><div class="byline-article" data-src="/data/editions/${edition}.json" data-loading="eager" data-related-src="${feed}"><p>Fallback</p></div></body></html>`;

let server;
let browser;

before(async () => {
  server = await startStaticServer(distDir, {
    handler(req, res) {
      const { pathname, searchParams } = new URL(req.url, 'http://x');
      if (pathname === '/feed-page.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(page(searchParams.get('edition'), searchParams.get('feed')));
        return true;
      }
      if (FEEDS[pathname]) {
        const [type, body] = FEEDS[pathname];
        res.writeHead(200, { 'Content-Type': type });
        res.end(body);
        return true;
      }
      return false;
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page showing `edition` with `feed` as its related news, recording errors and events. */
async function open(edition, feed) {
  const tab = await browser.newPage();
  const problems = { page: [], console: [] };
  tab.on('pageerror', (e) => problems.page.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && problems.console.push(m.text()));
  await tab.addInitScript(() => {
    window.__bylineErrors = [];
    document.addEventListener('error', (e) => e.detail && window.__bylineErrors.push(e.detail), true);
  });
  await tab.goto(`${server.url}/feed-page.html?edition=${edition}&feed=${encodeURIComponent(feed)}`);
  await tab.locator('.byline-headline').waitFor();
  return { tab, problems };
}

const cards = (tab) =>
  tab.locator('.byline-card').evaluateAll((links) =>
    links.map((a) => ({
      headline: a.querySelector('.byline-card__headline')?.textContent,
      href: a.href,
      image: a.querySelector('.byline-card__image')?.getAttribute('src') ?? null,
      source: a.querySelector('.byline-card__source')?.textContent ?? null,
      datetime: a.querySelector('time')?.getAttribute('datetime') ?? null,
    })),
  );

test('an RSS 2.0 feed fills the carousel, its relative links resolved against the feed', async () => {
  const { tab, problems } = await open('de-MX', '/feeds/de.rss');
  await tab.locator('.byline-card__headline', { hasText: 'Sanktionspaket' }).waitFor();
  assert.deepEqual(await cards(tab), [
    {
      headline: 'Brüssel & Berlin: Einigung über das Sanktionspaket',
      href: `${server.url}/de/2025/07/sanktionen`,
      image: `${server.url}/img/sanktionen-460.jpg`,
      source: 'Der Morgenbote',
      datetime: '2025-07-04T08:00:00+00:00',
    },
    {
      headline: 'Zweites Thema – mit Bild als Anhang',
      href: 'https://news.example/de/zwei',
      image: 'https://cdn.news.example/zwei.webp',
      source: 'Agentur Beispiel',
      datetime: '2025-07-03T18:30:00+02:00',
    },
    {
      headline: 'Drittes Thema',
      href: 'https://news.example/de/drei',
      image: 'https://cdn.news.example/drei.jpg',
      source: 'Der Morgenbote',
      datetime: '2025-07-02T09:00:00-05:00',
    },
    {
      headline: 'Ein Datum, das keines ist',
      href: 'https://news.example/de/vier',
      image: null,
      source: 'Der Morgenbote',
      datetime: null,
    },
  ]);
  assert.deepEqual(problems.page, []);
  assert.deepEqual(await tab.evaluate(() => window.__bylineErrors), []);
  await tab.close();
});

test('an Atom 1.0 feed fills the carousel with the entries of the edition\'s language', async () => {
  const { tab, problems } = await open('en-US', '/feeds/latest.json');
  await tab.locator('.byline-card__headline', { hasText: 'Brussels agrees' }).waitFor();
  // The French entry is for French editions only; xml:base decides the links.
  assert.deepEqual(await cards(tab), [
    {
      headline: 'Brussels agrees a new sanctions package',
      href: 'https://blog.example/news/2025/sanctions',
      image: 'https://blog.example/img/sanctions.jpg',
      source: 'The Morning Herald',
      datetime: '2025-07-04T10:00:00+02:00',
    },
  ]);
  assert.deepEqual(problems.page, []);
  assert.deepEqual(await tab.evaluate(() => window.__bylineErrors), []);
  await tab.close();
});

for (const [feed, message] of [
  ['/feeds/broken', /related news feed .*\/feeds\/broken: invalid article data: \$: not well-formed XML \(line 9, column \d+\): /],
  ['/feeds/sitemap.xml', /related news feed .*: invalid article data: \$: the root element is <urlset>, not RSS's <rss> or Atom's <feed>/],
]) {
  test(`a feed that cannot be read (${feed}) is an error event and the article stays`, async () => {
    const { tab, problems } = await open('de-MX', feed);
    await tab.waitForFunction(() => window.__bylineErrors.length > 0);
    const [detail, ...more] = await tab.evaluate(() => window.__bylineErrors);
    assert.equal(detail.reason, 'related-feed');
    assert.match(detail.message, message);
    assert.equal(detail.status, null);
    assert.deepEqual(more, []);
    assert.ok(problems.console.some((text) => text.startsWith('Byline: related news feed ') && message.test(text.slice(8))), problems.console.join('\n'));
    // The article, with its own related news, and no error on screen.
    assert.equal(await tab.locator('.byline-error').count(), 0);
    assert.equal(await tab.locator('.byline-headline').textContent(), edition('de-MX').headline);
    await tab.locator('.byline-card').first().waitFor();
    assert.deepEqual(
      (await cards(tab)).map((c) => c.headline),
      edition('de-MX').related.map((r) => r.headline),
    );
    assert.deepEqual(problems.page, []);
    await tab.close();
  });
}
