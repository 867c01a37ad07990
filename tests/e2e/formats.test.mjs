// End-to-end: formats publishers already have. A page carrying only its own schema.org
// NewsArticle JSON-LD renders through data-jsonld="self"; data-src may point at JSON-LD;
// data-related-src takes related news from a JSON Feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer, launchBrowser, distDir, axeViolations } from './harness.mjs';

const ARTICLE = {
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'Organization', '@id': '#org', name: 'Der Morgenbote', logo: { '@type': 'ImageObject', url: '/data/img/expansion-logo.svg' } },
    {
      '@type': ['NewsArticle'],
      '@id': '#article',
      headline: 'Brüssel berät über neues Sanktionspaket',
      description: 'Die EU-Außenminister wollen sich bis Ende der Woche einigen.',
      articleBody: 'Die Außenminister der EU beraten am Montag.\n\nEine Einigung gilt als wahrscheinlich.',
      datePublished: '2025-07-04T10:00:00+02:00',
      dateModified: '2025-07-04T12:30:00+02:00',
      inLanguage: 'de-DE',
      author: [{ '@type': 'Person', name: 'Anna Beispiel' }],
      publisher: { '@id': '#org' },
      mainEntityOfPage: { '@type': 'WebPage', '@id': '/artikel/sanktionen' },
      isAccessibleForFree: true,
    },
  ],
};

const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Der Morgenbote',
  language: 'de',
  items: [
    { id: '1', url: 'https://news.example/de/1', title: 'Erstes verwandtes Thema', date_published: '2025-07-03T09:00:00Z' },
    { id: '2', url: 'https://news.example/de/2', title: 'Zweites verwandtes Thema', date_published: '2025-07-02T09:00:00Z' },
  ],
};

// The least a page may carry: a headline and a date. No body, no language (the page's own),
// no region, no publisher, no URL (the page's).
const MINIMAL = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Minimal headline &amp; only a date', datePublished: '2025-07-04T10:00:00Z' };

// Less still: a headline alone. No date of any kind, and no language from anywhere (no
// inLanguage, no <html lang>, no data-lang, no hreflang).
const HEADLINE_ONLY = { '@type': 'NewsArticle', headline: 'Night buses return to the old town' };


let server;
let browser;

before(async () => {
  server = await startStaticServer(distDir, {
    handler(req, res) {
      const path = new URL(req.url, 'http://x').pathname;
      const pages = {
        '/jsonld-self.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Sanktionen</title>
          <link rel="alternate" hreflang="de-DE" href="/jsonld-self.html">
          <link rel="alternate" hreflang="en-US" href="/jsonld-self-en.html">
          <script type="application/ld+json">${JSON.stringify(ARTICLE)}</script>
          <script async src="/byline.js"></script></head>
          <body><div class="byline-article" data-jsonld="self" data-loading="eager" data-related-src="/feed.json"><p>Fallback</p></div></body></html>`,
        '/jsonld-src.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Sanktionen</title>
          <script async src="/byline.js"></script></head>
          <body><div class="byline-article" data-src="/article.jsonld" data-country="DE" data-loading="eager"></div></body></html>`,
        '/jsonld-twice.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Sanktionen</title>
          <script async src="/byline.js"></script></head>
          <body><div class="byline-article" data-src="/article.jsonld" data-country="DE" data-loading="eager"></div>
          <div class="byline-article" data-src="/article.jsonld?again" data-country="DE" data-loading="eager" data-related-src="/feed.json"></div></body></html>`,
        '/jsonld-minimal.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minimal</title>
          <script type="application/ld+json">${JSON.stringify(MINIMAL)}</script>
          <script async src="/byline.js"></script></head>
          <body><main><div class="byline-article" data-jsonld="self" data-loading="eager"></div></main></body></html>`,
        '/jsonld-minimal-de.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Minimal</title>
          <script type="application/ld+json">${JSON.stringify({ ...MINIMAL, headline: 'Nur Schlagzeile und Datum' })}</script>
          <script async src="/byline.js"></script></head>
          <body><main><div class="byline-article" data-jsonld="self" data-loading="eager"></div></main></body></html>`,
        '/jsonld-headline-only.html': `<!doctype html><html><head><meta charset="utf-8"><title>Night buses</title>
          <script type="application/ld+json">${JSON.stringify(HEADLINE_ONLY)}</script>
          <script async src="/byline.js"></script></head>
          <body><main><div class="byline-article" data-jsonld="self" data-loading="eager"></div></main></body></html>`,
        '/plain.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Welt</title>
          <script async src="/byline.js"></script></head>
          <body><div class="byline-article" data-src="/data/editions/de-MX.json" data-loading="eager"></div></body></html>`,
      };
      if (pages[path]) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(pages[path]);
        return true;
      }
      if (path === '/feed.json' || path === '/article.jsonld') {
        // (the query of /article.jsonld?again only makes it another URL)
        res.writeHead(200, { 'Content-Type': path === '/feed.json' ? 'application/feed+json' : 'application/ld+json' });
        res.end(JSON.stringify(path === '/feed.json' ? FEED : ARTICLE));
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

test('a page carrying only its own JSON-LD renders through data-jsonld="self"', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/jsonld-self.html`);
  await page.locator('.byline-headline').waitFor();
  assert.equal(await page.locator('.byline-headline').textContent(), 'Brüssel berät über neues Sanktionspaket');
  assert.equal(await page.locator('.byline-standfirst').textContent(), 'Die EU-Außenminister wollen sich bis Ende der Woche einigen.');
  assert.deepEqual(await page.locator('.byline-paragraph').allTextContents(), [
    'Die Außenminister der EU beraten am Montag.',
    'Eine Einigung gilt als wahrscheinlich.',
  ]);
  assert.equal(await page.locator('.byline-source__name').textContent(), 'Der Morgenbote');
  assert.equal(await page.locator('.byline').getAttribute('lang'), 'de');
  // The hreflang alternates become the language picker; the feed becomes the related news.
  assert.deepEqual(await page.locator('select[name=language] option').evaluateAll((o) => o.map((x) => x.value)), ['de', 'en']);
  await page.locator('.byline-carousel__slide').first().waitFor();
  assert.deepEqual(await page.locator('.byline-card__headline').allTextContents(), ['Erstes verwandtes Thema', 'Zweites verwandtes Thema']);
  // Choosing English goes to the English page (another page, not JSON).
  await Promise.all([page.waitForURL(/jsonld-self-en\.html$/), page.selectOption('select[name=language]', 'en')]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('data-src may point at a JSON-LD document', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/jsonld-src.html`);
  await page.locator('.byline-headline').waitFor();
  assert.equal(await page.locator('.byline-headline').textContent(), 'Brüssel berät über neues Sanktionspaket');
  assert.equal(await page.locator('select[name=country]').inputValue(), 'DE');
  await page.close();
});

/** URLs of the formats module's files the page requests, as they are requested. */
function formatsRequests(page) {
  const urls = [];
  page.on('request', (request) => {
    if (/\/byline-formats[^/]*$/.test(new URL(request.url()).pathname)) urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

test('a page with a plain Byline edition never requests the formats module', async () => {
  const page = await browser.newPage();
  const requested = formatsRequests(page);
  await page.goto(`${server.url}/plain.html`);
  await page.locator('.byline-headline').waitFor();
  await page.locator('.byline-carousel__slide').first().waitFor();
  // Switching editions fetches more plain editions, still without the module.
  await page.selectOption('select[name=language]', 'en');
  await page.locator('.byline[lang=en]').waitFor();
  assert.deepEqual(requested, []);
  await page.close();
});

test('JSON-LD and a feed on one page fetch the formats module once', async () => {
  const page = await browser.newPage();
  const requested = formatsRequests(page);
  await page.goto(`${server.url}/jsonld-twice.html`);
  await page.locator('.byline-headline').nth(1).waitFor();
  await page.locator('.byline-card__headline', { hasText: 'Erstes verwandtes Thema' }).waitFor();
  assert.equal(await page.locator('.byline-headline').count(), 2);
  assert.deepEqual(requested.filter((p) => p.endsWith('.wasm')), ['/byline-formats_bg.wasm']);
  assert.deepEqual(requested.filter((p) => p.endsWith('.js')), ['/byline-formats.js']);
  await page.close();
});

test('a formats module that cannot load is a visible, typed error', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/byline-formats_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.addInitScript(() => {
    window.__bylineErrors = [];
    document.addEventListener('error', (e) => e.detail && window.__bylineErrors.push(e.detail), true);
  });
  await page.goto(`${server.url}/jsonld-src.html`);
  await page.locator('.byline-error__message').waitFor();
  const detail = await page.evaluate(() => window.__bylineErrors[0]);
  assert.equal(detail.reason, 'module');
  assert.match(detail.message, /JSON-LD and JSON Feed module could not be loaded/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('retry after a failed module load shows the page\'s own JSON-LD article', async () => {
  const page = await browser.newPage();
  await page.route('**/byline-formats_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${server.url}/jsonld-self.html`);
  await page.locator('.byline-error__retry').waitFor();
  assert.equal(await page.locator('.byline-headline').count(), 0);
  // The module is reachable again: the reader's retry loads it and maps the page's JSON-LD.
  await page.unroute('**/byline-formats_bg.wasm');
  await page.locator('.byline-error__retry').click();
  await page.locator('.byline-headline').waitFor();
  assert.equal(await page.locator('.byline-headline').textContent(), 'Brüssel berät über neues Sanktionspaket');
  assert.equal(await page.locator('.byline-error').count(), 0);
  await page.close();
});

test('a page with only a minimal JSON-LD NewsArticle (headline and date) renders a teaser with the link', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/jsonld-minimal.html`);
    const link = page.locator('.byline-more__link');
    await link.waitFor();
    assert.equal(await page.locator('.byline-headline').textContent(), 'Minimal headline & only a date');
    assert.equal(await page.locator('.byline-meta time').getAttribute('datetime'), '2025-07-04T10:00:00Z');
    // The link to the whole article: the page's own URL (the JSON-LD names none), in a new tab.
    assert.equal(await link.textContent(), 'Read the whole article');
    assert.equal(await link.getAttribute('href'), `${server.url}/jsonld-minimal.html`);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await page.locator('.byline').getAttribute('lang'), 'en');
    // No body text; no country, so no country picker; the source named after the site.
    assert.equal(await page.locator('.byline-paragraph').count(), 0);
    assert.equal(await page.locator('.byline-reading-time').count(), 0, 'no reading time: the article is elsewhere');
    assert.equal(await page.locator('select[name=country]').count(), 0);
    assert.equal(await page.locator('.byline-source__name').textContent(), new URL(server.url).host);
    assert.deepEqual(await axeViolations(page), [], scheme);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a page with only {"@type":"NewsArticle","headline":…} renders the headline with no date line and no error', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__bylineEvents = [];
    for (const type of ['render', 'error']) {
      document.addEventListener(type, (e) => e.detail && window.__bylineEvents.push({ type, ...e.detail }), true);
    }
  });
  await page.goto(`${server.url}/jsonld-headline-only.html`);
  const link = page.locator('.byline-more__link');
  await link.waitFor();
  assert.equal(await page.locator('.byline-headline').textContent(), 'Night buses return to the old town');
  // No date: no date line at all, so no "Published" label with nothing after it.
  assert.equal(await page.locator('.byline-meta').count(), 0);
  assert.equal(await page.locator('.byline time').count(), 0);
  assert.doesNotMatch(await page.locator('.byline').innerText(), /Published/);
  // No language: the article's text is marked undetermined and keeps its own direction; the
  // widget's own words are English.
  assert.equal(await page.locator('.byline-header').getAttribute('lang'), 'und');
  assert.equal(await page.locator('.byline-header').getAttribute('dir'), 'auto');
  assert.equal(await page.locator('.byline').getAttribute('lang'), 'en');
  assert.equal(await link.textContent(), 'Read the whole article');
  assert.equal(await link.getAttribute('href'), `${server.url}/jsonld-headline-only.html`);
  // Nothing to pick: `und` is no language to offer (the pickers are hidden, the language picker
  // holds no option), and the edition is for no particular country.
  assert.equal(await page.locator('.byline-pickers').isVisible(), false);
  assert.equal(await page.locator('select[name=language]').isVisible(), false);
  assert.equal(await page.locator('select[name=language] option').count(), 0);
  assert.equal(await page.locator('select[name=country]').count(), 0);
  // No error: one render, which reports the language as it is.
  assert.equal(await page.locator('.byline-error').count(), 0);
  const events = await page.evaluate(() => window.__bylineEvents);
  assert.deepEqual(events.map((e) => [e.type, e.lang, e.country]), [['render', 'und', 'ZZ']]);
  // The test page's own <html> has no lang, which is the point; the widget adds no violation.
  assert.deepEqual((await axeViolations(page)).filter((v) => v !== 'html-has-lang: html'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a teaser speaks the page\'s language when the JSON-LD has none', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/jsonld-minimal-de.html`);
  await page.locator('.byline-more__link').waitFor();
  assert.equal(await page.locator('.byline').getAttribute('lang'), 'de');
  assert.equal(await page.locator('.byline-more__link').textContent(), 'Den ganzen Artikel lesen');
  await page.close();
});
