// End-to-end: comparing a translation with its original. The original of one block (the
// disclosure pattern), the whole article side by side (aligned by block id when wide,
// stacked when narrow), the original fetched once, its failure shown next to the block, its
// request aborted by a switch of edition, right-to-left originals and translations, the
// keyboard, axe-core, and the publisher's switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, distDir, axeViolations, eventually } from './harness.mjs';
import { trustServer, hostPage, placeholder, edition, jsonLdArticle, EVENT_TYPES, recordEvents, events, waitForEvents } from './trust-fixtures.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const bundled = async (name) => JSON.parse(await readFile(path.join(distDir, `data/editions/${name}.json`), 'utf8'));
const spanish = await bundled('es-MX');
const german = await bundled('de-MX');

/** A block's text, runs joined: what the widget shows, quotes aside (it sets typographic ones). */
const runsText = (block) => block.content.map((run) => (typeof run === 'string' ? run : run.text)).join('');
const comparable = (text) => text.replace(/[\s"'“”„«»‘’‚‹›]/g, '');

async function open(server, { src = '/data/editions/de-MX.json', attrs = {}, width = 1280, colorScheme = 'light' } = {}) {
  const url = server.page('/compare.html', hostPage({ body: placeholder('w', { src, loading: 'eager', ...attrs }) }));
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.addInitScript(recordEvents, [...EVENT_TYPES, 'compare']);
  await page.goto(url);
  await page.locator('#w .byline-headline').waitFor();
  return { context, page, pageErrors };
}

/** The row of block `id`: its "Original" button and the place the button opens. */
function row(page, id) {
  const block = page.locator(`#w .byline-row:has(> [data-block-id="${id}"])`);
  return {
    toggle: block.locator('> .byline-original-toggle'),
    place: block.locator('> .byline-original'),
    original: block.locator('> .byline-original > .byline-original__text'),
    status: block.locator('> .byline-original .byline-original__status'),
  };
}

const compareEvents = async (page) => (await events(page, 'w')).filter((e) => e.type === 'compare').map((e) => e.detail);

test('the original of the second paragraph is the Spanish block with the same id, fetched once', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server);
    const second = row(page, 'p2');
    assert.equal(await second.toggle.textContent(), 'Original');
    assert.equal(await second.toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await second.place.isHidden(), true);
    const controls = await second.toggle.getAttribute('aria-controls');
    assert.equal(await second.place.getAttribute('id'), controls, 'aria-controls names the place it opens');
    assert.equal(server.count('/data/editions/es-MX.json'), 0, 'nothing is fetched before the reader asks');

    await second.toggle.click();
    await second.original.waitFor();
    assert.equal(await second.toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await second.original.getAttribute('lang'), 'es');
    assert.equal(await second.original.getAttribute('dir'), 'ltr');
    const shown = second.original.locator('[data-block-id]');
    assert.equal(await shown.getAttribute('data-block-id'), 'p2');
    const p2 = spanish.body.find((block) => block.id === 'p2');
    assert.equal(comparable(await shown.textContent()), comparable(runsText(p2)));
    assert.notEqual(comparable(runsText(p2)), comparable(runsText(german.body.find((b) => b.id === 'p2'))));
    // The translation stays where it was, untouched.
    assert.equal(comparable(await page.locator('#w .byline-body > .byline-row > [data-block-id="p2"]').textContent()),
      comparable(runsText(german.body.find((b) => b.id === 'p2'))));
    assert.equal(await page.locator('#w .byline-headline').textContent(), german.headline);

    // Another block, closing and opening again: one request for the original in all.
    const quote = row(page, 'q1');
    await quote.toggle.click();
    await quote.original.locator('blockquote[data-block-id="q1"]').waitFor();
    await second.toggle.click();
    assert.equal(await second.toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await second.place.isHidden(), true);
    await second.toggle.click();
    await second.original.waitFor();
    assert.equal(server.count('/data/editions/es-MX.json'), 1);
    const url = `${server.url}/data/editions/es-MX.json`;
    assert.deepEqual(await compareEvents(page), [
      { action: 'open', block: 'p2', lang: 'es', url },
      { action: 'open', block: 'q1', lang: 'es', url },
      { action: 'close', block: 'p2', lang: 'es', url },
      { action: 'open', block: 'p2', lang: 'es', url },
    ]);
    // Fetched once for good: switching to the original is instant, no second request.
    await page.selectOption('#w select[name=language]', 'es');
    await page.locator('#w .byline-headline:lang(es)').waitFor();
    assert.equal(server.count('/data/editions/es-MX.json'), 1);
    assert.equal(await page.locator('#w .byline-original-toggle').count(), 0, 'an original is not compared with itself');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

/** Every row's translated block and original, with their ids and boxes. */
function rows(page) {
  return page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    return [...root.querySelectorAll('.byline-row:not(.byline-row--labels)')].map((row) => {
      const translated = row.firstElementChild;
      const original = row.querySelector('.byline-original');
      const text = original.querySelector('.byline-original__text');
      const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
      return {
        id: translated.dataset.blockId,
        originalId: text?.querySelector('[data-block-id]')?.dataset.blockId ?? null,
        translated: box(translated),
        original: box(text ?? original),
      };
    });
  });
}

test('side by side: two columns aligned by block id at 1280 px, stacked at 360 px', async () => {
  const server = await trustServer(distDir);
  try {
    for (const width of [1280, 360]) {
      const { context, page, pageErrors } = await open(server, { width });
      const toggle = page.locator('#w .byline-compare-toggle');
      assert.equal(await toggle.textContent(), 'Neben dem Original');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await page.locator('#w .byline-original__text').first().waitFor();
      const aligned = await rows(page);
      const expected = german.body.filter((block) => block.type !== 'image').map((block) => block.id);
      assert.deepEqual(aligned.map((r) => r.id), expected, `${width}: every text block has a row`);
      for (const r of aligned) {
        assert.equal(r.originalId, r.id, `${width}: ${r.id} beside its original`);
        if (width === 1280) {
          assert.ok(Math.abs(r.original.top - r.translated.top) < 1, `${r.id}: tops aligned ${JSON.stringify(r)}`);
          assert.ok(r.original.left >= r.translated.right, `${r.id}: the original is the second column`);
        } else {
          assert.ok(r.original.top >= r.translated.bottom, `${r.id}: the original under its translation ${JSON.stringify(r)}`);
          assert.ok(Math.abs(r.original.right - r.translated.right) < 1, `${r.id}: one column`);
        }
      }
      // The per-block buttons are not needed while every original is shown.
      assert.equal(await page.locator('#w .byline-original-toggle:visible').count(), 0);
      const labels = page.locator('#w .byline-column-label');
      assert.equal(await labels.first().isVisible(), width === 1280, 'column labels over two columns only');
      if (width === 1280) assert.deepEqual(await labels.allTextContents(), ['Deutsch', 'Original · Spanisch']);
      await toggle.click();
      assert.equal(await page.locator('#w .byline-original:visible').count(), 0, 'off again: no original shown');
      assert.deepEqual((await compareEvents(page)).map((e) => [e.action, e.block]), [['open', null], ['close', null]]);
      assert.deepEqual(pageErrors, []);
      await context.close();
    }
  } finally {
    await server.close();
  }
});

test('an original that fails to load says so next to the block, keeps the article, and can be retried', async () => {
  const server = await trustServer(distDir);
  let fail = true;
  const original = JSON.stringify(spanish);
  server.route('/data/editions/es-MX.json', (req, res) => {
    if (fail) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('gone');
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(original);
    }
    return true;
  });
  try {
    const { context, page, pageErrors } = await open(server);
    const third = row(page, 'p3');
    await third.toggle.click();
    await third.status.waitFor();
    assert.match(await third.status.textContent(), /^Das Original konnte nicht geladen werden\./);
    const error = await waitForEvents(page, 'w', 'error');
    assert.equal(error.detail.reason, 'original');
    assert.equal(error.detail.status, 404);
    // Nothing else changed: the article, its pickers, no widget-wide error.
    assert.equal(await page.locator('#w .byline-headline').textContent(), german.headline);
    assert.equal(await page.locator('#w [data-block-id]').count() >= german.body.length, true);
    assert.equal(await page.locator('#w .byline-error').count(), 0);
    assert.equal(await row(page, 'p2').place.isHidden(), true, 'only the block asked for says so');

    fail = false;
    await third.place.locator('.byline-original__retry').click();
    await third.original.waitFor();
    assert.equal(await third.original.getAttribute('lang'), 'es');
    assert.equal(server.count('/data/editions/es-MX.json'), 2);
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('switching edition while the original loads aborts its request', async () => {
  const server = await trustServer(distDir);
  let closed = false;
  let asked;
  const requested = new Promise((resolve) => { asked = resolve; });
  server.route('/data/editions/es-MX.json', (req, res) => {
    res.on('close', () => { closed = true; });
    asked();
    return true; // never answered
  });
  try {
    const { context, page, pageErrors } = await open(server);
    const second = row(page, 'p2');
    await second.toggle.click();
    await requested;
    await second.status.waitFor();
    assert.equal(await second.status.textContent(), 'Original wird geladen …');
    await page.selectOption('#w select[name=language]', 'en');
    await page.locator('#w .byline-headline:lang(en)').waitFor();
    await eventually(() => closed, true, 'the request for the original was aborted');
    // The English edition starts with its originals closed, and no error was told.
    assert.equal(await row(page, 'p2').toggle.getAttribute('aria-expanded'), 'false');
    assert.equal((await events(page, 'w')).filter((e) => e.type === 'error').length, 0);
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('an Arabic original under an English translation, and the other way round; a block the original lacks', async () => {
  const server = await trustServer(distDir);
  const body = (words) => words.map((text, i) => ({ id: `p${i + 1}`, type: 'paragraph', content: [text] }));
  const editions = [['en', 'US', 'en-US.json'], ['ar', 'EG', 'ar-EG.json']];
  server.json('/two/en-US.json', edition({
    lang: 'en', country: 'US', editions, headline: 'Talks resume in Cairo',
    source: { name: 'Al-Test', url: 'https://news.example/ar', original_lang: 'ar' },
    body: body(['The talks resumed on Monday.', 'Both sides sent delegations.']),
  }));
  server.json('/two/ar-EG.json', edition({
    lang: 'ar', country: 'EG', editions, headline: 'استئناف المحادثات في القاهرة',
    source: { name: 'Al-Test', url: 'https://news.example/ar', original_lang: 'en' },
    body: body(['استؤنفت المحادثات يوم الاثنين.']),
  }));
  try {
    const { context, page, pageErrors } = await open(server, { src: '/two/en-US.json' });
    await row(page, 'p1').toggle.click();
    const arabic = row(page, 'p1').original;
    await arabic.waitFor();
    assert.equal(await arabic.getAttribute('lang'), 'ar');
    assert.equal(await arabic.getAttribute('dir'), 'rtl');
    assert.equal(await arabic.textContent(), 'استؤنفت المحادثات يوم الاثنين.');
    // p2 is not in the original: it says so, in the widget's words.
    await row(page, 'p2').toggle.click();
    assert.equal(await row(page, 'p2').status.textContent(), 'This part is not in the original.');
    assert.equal(await row(page, 'p2').original.count(), 0);
    await context.close();

    // An Arabic translation of an English original: the original is left to right inside an
    // article that is right to left; the widget's words are Arabic.
    const rtl = await open(server, { src: '/two/ar-EG.json' });
    const first = row(rtl.page, 'p1');
    assert.equal(await first.toggle.textContent(), 'النص الأصلي');
    await first.toggle.click();
    await first.original.waitFor();
    assert.equal(await first.original.getAttribute('lang'), 'en');
    assert.equal(await first.original.getAttribute('dir'), 'ltr');
    assert.equal(await first.original.textContent(), 'The talks resumed on Monday.');
    assert.equal(await rtl.page.locator('#w .byline-body').getAttribute('dir'), 'rtl');
    assert.deepEqual([...pageErrors, ...rtl.pageErrors], []);
    await rtl.context.close();
  } finally {
    await server.close();
  }
});

test('the whole comparison works by keyboard alone', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server);
    const focused = () => page.evaluate(() => {
      const active = document.getElementById('w').shadowRoot.activeElement;
      return active ? { cls: active.className, text: active.textContent, block: active.parentElement?.firstElementChild?.dataset?.blockId ?? null } : null;
    });
    /** Presses Tab until `match` is focused (at most 40 times). */
    const tabTo = async (match, key = 'Tab') => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const now = await focused();
        if (now && match(now)) return now;
      }
      assert.fail('never reached by Tab');
    };
    await tabTo((f) => f.cls.includes('byline-compare-toggle'));
    await page.keyboard.press('Space');
    await page.locator('#w .byline-original__text').first().waitFor();
    assert.equal(await page.locator('#w .byline-compare-toggle').getAttribute('aria-pressed'), 'true');
    // Side by side, the next stop after the toggle is in the article, not a hidden button.
    await page.keyboard.press('Tab');
    assert.ok(!(await focused()).cls.includes('byline-original-toggle'));
    await tabTo((f) => f.cls.includes('byline-compare-toggle'), 'Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#w .byline-compare-toggle').getAttribute('aria-pressed'), 'false');
    const at = await tabTo((f) => f.cls.includes('byline-original-toggle') && f.block === 'p2');
    assert.equal(at.text, 'Original');
    await page.keyboard.press('Enter');
    await row(page, 'p2').original.waitFor();
    assert.equal(await row(page, 'p2').toggle.getAttribute('aria-expanded'), 'true');
    assert.equal((await focused()).block, 'p2', 'focus stays on the button');
    await page.keyboard.press('Space');
    assert.equal(await row(page, 'p2').place.isHidden(), true);
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('axe-core finds no WCAG 2.2 AA violation with an original open and side by side, light, dark and right to left', async () => {
  const server = await trustServer(distDir);
  try {
    for (const [src, colorScheme] of [['de-MX', 'light'], ['de-MX', 'dark'], ['ar-MX', 'light']]) {
      const { context, page } = await open(server, { src: `/data/editions/${src}.json`, colorScheme });
      const label = `${src} ${colorScheme}`;
      await row(page, 'p2').toggle.click();
      await row(page, 'p2').original.waitFor();
      assert.deepEqual(await axeViolations(page), [], `${label}, one original open`);
      await page.locator('#w .byline-compare-toggle').click();
      await page.locator('#w .byline-row:has(> [data-block-id="p8"]) .byline-original__text').waitFor();
      assert.deepEqual(await axeViolations(page), [], `${label}, side by side`);
      await context.close();
    }
  } finally {
    await server.close();
  }
});

test('data-compare="off" leaves the article without comparison controls', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page } = await open(server, { attrs: { compare: 'off' } });
    assert.equal(await page.locator('#w .byline-original-toggle').count(), 0);
    assert.equal(await page.locator('#w .byline-compare-toggle').count(), 0);
    assert.equal(await page.locator('#w .byline-row').count(), 0);
    assert.ok(await page.locator('#w [data-block-id="p2"]').isVisible());
    await context.close();
  } finally {
    await server.close();
  }
});

test('on a data-jsonld="self" page, the original is its hreflang page, read in place', async () => {
  const server = await trustServer(distDir);
  const publisher = { '@type': 'Organization', name: 'The Morning Post' };
  const article = (lang, headline, body, extra = {}) => jsonLdArticle(lang, headline, body, { publisher, ...extra });
  const page = (json) => `<!doctype html><html><head><meta charset="utf-8"><title>${json.headline}</title>
    <link rel="alternate" hreflang="de-DE" href="/de.html">
    <link rel="alternate" hreflang="en-US" href="/en.html">
    <script type="application/ld+json">${JSON.stringify(json)}</script>
    <script async src="/byline.js"></script></head>
    <body><div class="byline-article" id="w" data-jsonld="self" data-loading="eager"><p>Fallback</p></div></body></html>`;
  server.page('/en.html', page(article('en-US', 'Brussels weighs new sanctions', 'The ministers meet on Monday.\n\nA deal is likely.')));
  const url = server.page('/de.html', page(article('de-DE', 'Brüssel berät über neue Sanktionen', 'Die Minister beraten am Montag.\n\nEine Einigung gilt als wahrscheinlich.', {
    translationOfWork: { '@type': 'NewsArticle', inLanguage: 'en-US', url: '/en.html' },
  })));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.locator('#w .byline-headline').waitFor();
    const second = row(tab, 'p2');
    await second.toggle.click();
    await second.original.waitFor();
    assert.equal(await second.original.getAttribute('lang'), 'en');
    assert.equal(await second.original.textContent(), 'A deal is likely.');
    assert.equal(new URL(tab.url()).pathname, '/de.html', 'no navigation');
    assert.equal(server.count('/en.html'), 1);
    await context.close();
  } finally {
    await server.close();
  }
});
