// End-to-end: on a data-jsonld="self" page, choosing another language reads that edition's page
// (fetched, parsed inertly, its JSON-LD mapped) and shows it in place, with no navigation; a
// page that refuses CORS (another origin without Access-Control-Allow-Origin) is navigated to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer, startRecordingServer, launchBrowser, distDir } from './harness.mjs';
import { jsonLdArticle } from './trust-fixtures.mjs';

const article = (lang, headline, body) => jsonLdArticle(lang, headline, body, {
  author: { '@type': 'Person', name: 'Anna Beispiel' },
  publisher: { '@type': 'Organization', name: 'Der Morgenbote' },
});

let site;
let elsewhere;
let browser;

/** An edition's page: its JSON-LD, every edition's hreflang link, and the widget. */
function editionPage(json, { extra = '' } = {}) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${json.headline}</title>
    <link rel="alternate" hreflang="de-DE" href="/de.html">
    <link rel="alternate" hreflang="en-US" href="/en.html">
    <link rel="alternate" hreflang="fr-FR" href="${elsewhere.url}/fr.html">
    <script type="application/ld+json">${JSON.stringify(json)}</script>
    <script async src="/byline.js"></script>${extra}</head>
    <body><div class="byline-article" data-jsonld="self" data-loading="eager"><p>Fallback</p></div></body></html>`;
}

before(async () => {
  // The other origin: a valid edition page, but no CORS headers.
  elsewhere = await startRecordingServer(distDir, {
    route(req, res, url) {
      if (url.pathname !== '/fr.html') return false;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(editionPage(article('fr-FR', 'Bruxelles débat de nouvelles sanctions', 'Les ministres se réunissent lundi.')));
      return true;
    },
  });
  const pages = {
    '/de.html': () => editionPage(article('de-DE', 'Brüssel berät über neues Sanktionspaket', 'Die Außenminister beraten am Montag.\n\nEine Einigung gilt als wahrscheinlich.')),
    // What must never happen to a page read for its data: its scripts run, its images load.
    '/en.html': () =>
      editionPage(article('en-US', 'Brussels weighs a new sanctions package', 'The foreign ministers meet on Monday.\n\nA deal is likely.'), {
        extra: '<script>window.__englishPageRan = true</script><img src="/tracker.gif" alt="">',
      }),
  };
  site = await startRecordingServer(distDir, {
    route(req, res, url) {
      if (!pages[url.pathname]) return false;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(pages[url.pathname]());
      return true;
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await elsewhere?.close();
});

async function openGerman() {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const navigations = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  await page.addInitScript(() => {
    window.__bylineEvents = [];
    for (const type of ['languagechange', 'render', 'error']) {
      document.addEventListener(type, (e) => e.detail && window.__bylineEvents.push({ type, ...e.detail }), true);
    }
  });
  await page.goto(`${site.url}/de.html`);
  await page.locator('.byline-headline').waitFor();
  return { page, problems, navigations };
}

test('another language of a data-jsonld="self" page is shown in place, without navigating', async () => {
  const { page, problems, navigations } = await openGerman();
  assert.deepEqual(await page.locator('select[name=language] option').evaluateAll((o) => o.map((x) => x.value)), ['de', 'en', 'fr']);
  await page.selectOption('select[name=language]', 'en');
  await page.locator('.byline[lang=en] .byline-headline').waitFor();
  assert.equal(await page.locator('.byline-headline').textContent(), 'Brussels weighs a new sanctions package');
  assert.deepEqual(await page.locator('.byline-paragraph').allTextContents(), ['The foreign ministers meet on Monday.', 'A deal is likely.']);
  assert.equal(page.url(), `${site.url}/de.html`);
  assert.deepEqual(navigations, [`${site.url}/de.html`]);
  // The English page was fetched once, as data: its script never ran, its image never loaded.
  assert.equal(site.count('/en.html'), 1);
  assert.equal(site.requestsFor('/en.html')[0].headers['sec-fetch-mode'], 'cors');
  assert.equal(await page.evaluate(() => window.__englishPageRan), undefined);
  assert.equal(site.count('/tracker.gif'), 0);
  const events = await page.evaluate(() => window.__bylineEvents);
  const summary = ({ type, lang, country }) => ({ type, lang, country });
  assert.deepEqual(events.filter((e) => e.type !== 'render').map(summary), [{ type: 'languagechange', lang: 'en', country: 'US' }]);
  assert.deepEqual(summary(events.at(-1)), { type: 'render', lang: 'en', country: 'US' });
  // Back to German: the page's own edition, without another request.
  await page.selectOption('select[name=language]', 'de');
  await page.locator('.byline[lang=de] .byline-headline').waitFor();
  assert.equal(await page.locator('.byline-headline').textContent(), 'Brüssel berät über neues Sanktionspaket');
  assert.equal(site.count('/de.html'), 1);
  assert.deepEqual(navigations, [`${site.url}/de.html`]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an edition page that refuses CORS is navigated to instead', async () => {
  const { page, problems } = await openGerman();
  const before = elsewhere.count('/fr.html');
  await Promise.all([page.waitForURL(`${elsewhere.url}/fr.html`), page.selectOption('select[name=language]', 'fr')]);
  // First read as data (refused: no Access-Control-Allow-Origin), then loaded as a page.
  const modes = elsewhere.requestsFor('/fr.html').slice(before).map((r) => r.headers['sec-fetch-mode']);
  assert.deepEqual(modes, ['cors', 'navigate']);
  assert.deepEqual(problems, []);
  await page.close();
});
