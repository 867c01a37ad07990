// End-to-end: the built demo (dist/, release build) in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startStaticServer, launchBrowser, distDir, artifactsDir, repoRoot, eventually } from './harness.mjs';

const SEED_HEADLINE = 'Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken';

let server;
let browser;
let germanEdition;

before(async () => {
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
  germanEdition = JSON.parse(await readFile(path.join(repoRoot, 'data/editions/de-MX.json'), 'utf8'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on the demo; `setup(page)` runs before navigation (routes, emulation). */
async function openDemo({ width = 1280, colorScheme = 'light', setup } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (setup) await setup(page);
  await page.goto(`${server.url}/`);
  return { page, errors };
}

/** The text of a body block as the reader sees it (runs joined). */
function blockText(block) {
  return block.content.map((run) => (typeof run === 'string' ? run : run.text)).join('');
}

/** Indexes of related items fully inside the carousel's viewport. */
function visibleSlides(page) {
  return page.locator('#lead-article .byline-carousel__track').evaluate((track) => {
    const box = track.getBoundingClientRect();
    return [...track.children].flatMap((slide, index) => {
      const r = slide.getBoundingClientRect();
      return r.left >= box.left - 1 && r.right <= box.right + 1 ? [index] : [];
    });
  });
}

test('the demo renders the seed headline and every body paragraph', async () => {
  const { page, errors } = await openDemo();
  const headline = page.locator('#lead-article .byline-headline');
  await headline.waitFor();
  assert.equal(await headline.textContent(), SEED_HEADLINE);
  const expected = germanEdition.body.filter((b) => b.type === 'paragraph').map(blockText);
  assert.equal(expected.length, 8);
  assert.deepEqual(await page.locator('#lead-article .byline-paragraph').allTextContents(), expected);
  assert.deepEqual(await page.locator('#lead-article .byline-picker__label').allTextContents(), [
    'Sprache auswählen',
    'Land auswählen',
  ]);
  assert.equal(await page.locator('#lead-article select[name=language]').inputValue(), 'de');
  assert.equal(await page.locator('#lead-article select[name=country]').inputValue(), 'MX');
  assert.equal(await page.locator('#lead-article .byline-source__name').textContent(), 'Expansión');
  assert.match(await page.locator('#lead-article .byline-source__translation').textContent(), /Spanisch/);
  assert.equal(await page.locator('#lead-article .byline-related__title').textContent(), 'Ähnliche Nachrichten');
  assert.equal((await page.locator('#lead-article .byline-all-news').textContent()).trim(), 'Alle News');
  // The host page's fallback is still in the placeholder, no longer shown.
  assert.equal(await page.locator('#lead-article > p.fallback').count(), 1);
  assert.equal(await page.locator('#lead-article > p.fallback').isVisible(), false);
  await page.screenshot({ path: path.join(artifactsDir, 'demo-desktop-light.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('switching to Spanish shows the Spanish edition and Spanish labels without a reload', async () => {
  const { page } = await openDemo();
  await page.locator('#lead-article .byline-headline').waitFor();
  await page.evaluate(() => { window.notReloaded = true; });
  await page.selectOption('#lead-article select[name=language]', 'es');
  await page.locator('#lead-article .byline-headline', { hasText: 'Zelenski acuerda con Trump' }).waitFor();
  assert.deepEqual(await page.locator('#lead-article .byline-picker__label').allTextContents(), [
    'Seleccionar idioma',
    'Seleccionar país',
  ]);
  assert.equal(await page.locator('#lead-article .byline-related__title').textContent(), 'Noticias relacionadas');
  assert.equal(await page.locator('#lead-article .byline-source__translation').count(), 0, 'the original has no translation line');
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  await page.close();
});

test('the reading time is under the headline, in the edition\'s language: words, or characters in Japanese', async () => {
  const { page, errors } = await openDemo();
  const readingTime = page.locator('#lead-article .byline-reading-time');
  await readingTime.waitFor();
  // 365 words (text and an image caption) at 238 a minute.
  assert.equal(await readingTime.textContent(), 'Lesezeit: 2 Minuten');
  assert.equal(await readingTime.getAttribute('lang'), 'de');
  await page.selectOption('#lead-article select[name=language]', 'ja');
  await page.locator('#lead-article .byline-headline:lang(ja)').waitFor();
  // About 880 letters and ideographs at 500 a minute: counted as words, it would be 1.
  assert.equal(await readingTime.textContent(), `読了時間：${new Intl.NumberFormat('ja', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(2)}`);
  assert.equal(await readingTime.getAttribute('lang'), 'ja');
  await page.selectOption('#lead-article select[name=language]', 'ar');
  await page.locator('#lead-article .byline-headline:lang(ar)').waitFor();
  assert.match(await readingTime.textContent(), /^مدة القراءة: /);
  assert.equal(await readingTime.getAttribute('dir'), 'rtl');
  // data-reading-time="off": a widget without it.
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.className = 'byline-article';
    el.id = 'no-reading-time';
    Object.assign(el.dataset, { src: 'data/editions/de-MX.json', lang: 'de', country: 'MX', loading: 'eager', readingTime: 'off' });
    document.body.append(el);
    window.Byline.load(el);
  });
  await page.locator('#no-reading-time .byline-meta time').first().waitFor();
  assert.equal(await page.locator('#no-reading-time .byline-reading-time').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a choice with no exact edition is mapped and explained', async () => {
  const { page } = await openDemo();
  await page.locator('#lead-article .byline-headline').waitFor();
  // There is no German edition for Spain: the option says so, and choosing it shows Spanish.
  const spain = page.locator('#lead-article select[name=country] option[value=ES]');
  assert.match(await spain.textContent(), /andere Sprache/);
  await page.selectOption('#lead-article select[name=country]', 'ES');
  await page.locator('#lead-article .byline-notice').waitFor();
  assert.equal(await page.locator('#lead-article select[name=language]').inputValue(), 'es');
  assert.equal(await page.locator('#lead-article select[name=country]').inputValue(), 'ES');
  assert.match(await page.locator('#lead-article .byline-notice').textContent(), /No hay edición en alemán para España/);
  await page.close();
});

test('the carousel arrows move the visible related items forward and back', async () => {
  const { page } = await openDemo();
  await page.locator('#lead-article .byline-carousel__track').scrollIntoViewIfNeeded();
  const before = await visibleSlides(page);
  assert.deepEqual(before, [0, 1, 2]);
  assert.equal(await page.locator('#lead-article .byline-carousel__prev').isDisabled(), true);
  await page.click('#lead-article .byline-carousel__next');
  await eventually(() => visibleSlides(page), [3, 4, 5], 'next shows the following page');
  await eventually(() => page.locator('#lead-article .byline-related .byline-visually-hidden').textContent(), 'Nachrichten 4–6 von 10');
  // Items out of view are inert: no keyboard focus, hidden from assistive technology.
  assert.deepEqual(
    await page.locator('#lead-article .byline-carousel__slide').evaluateAll((slides) => slides.map((s) => s.inert)),
    [true, true, true, false, false, false, true, true, true, true],
  );
  await page.click('#lead-article .byline-carousel__prev');
  await eventually(() => visibleSlides(page), [0, 1, 2], 'previous goes back');
  assert.equal(await page.locator('#lead-article .byline-carousel__prev').isDisabled(), true);
  await page.close();
});

test('a 500 shows a readable error after retries, and the retry button loads the article', async () => {
  let failing = true;
  let attempts = 0;
  const { page } = await openDemo({
    setup: (page) =>
      page.route('**/data/editions/de-MX.json', (route) => {
        attempts++;
        return failing ? route.fulfill({ status: 500, body: 'boom' }) : route.continue();
      }),
  });
  const error = page.locator('#lead-article .byline-error[role=alert]');
  await error.waitFor();
  assert.match(await error.textContent(), /Der Artikel ist gerade nicht verfügbar \(Fehler 500\)/);
  assert.equal(attempts, 3, 'a 5xx is retried twice with backoff before the error shows');
  await page.screenshot({ path: path.join(artifactsDir, 'demo-error.png') });
  failing = false;
  await page.click('#lead-article .byline-error__retry');
  await page.locator('#lead-article .byline-headline').waitFor();
  assert.equal(await page.locator('#lead-article .byline-headline').textContent(), SEED_HEADLINE);
  assert.equal(await error.count(), 0);
  await page.close();
});

test('a failed switch keeps the article that was shown', async () => {
  const { page } = await openDemo({
    setup: (page) => page.route('**/data/editions/en-MX.json', (route) => route.fulfill({ status: 503, body: '' })),
  });
  await page.locator('#lead-article .byline-headline').waitFor();
  await page.selectOption('#lead-article select[name=language]', 'en');
  await page.locator('#lead-article .byline-error--inline').waitFor();
  assert.match(await page.locator('#lead-article .byline-error--inline').textContent(), /bisherige Artikel bleibt sichtbar/);
  assert.equal(await page.locator('#lead-article .byline-headline').textContent(), SEED_HEADLINE);
  assert.equal(await page.locator('#lead-article .byline-paragraph').count(), 8);
  assert.equal(await page.locator('#lead-article select[name=language]').inputValue(), 'de', 'the picker returns to the shown edition');
  await page.close();
});

test('invalid JSON shows an error instead of an article', async () => {
  const { page } = await openDemo({
    setup: async (page) => {
      await page.addInitScript(() => {
        document.addEventListener('error', (event) => {
          if (event instanceof CustomEvent) window.__bylineError = event.detail.message;
        });
      });
      await page.route('**/data/editions/de-MX.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "headline": ' }),
      );
    },
  });
  await page.locator('#lead-article .byline-error', { hasText: 'ungültige Daten' }).waitFor();
  assert.equal(await page.locator('#lead-article .byline-headline').count(), 0);
  // The browser's JSON.parse message, with the position where the text ends.
  const message = await page.evaluate(() => window.__bylineError);
  assert.match(message, /^invalid article data: not valid JSON \(line 1, column 28\): ./);
  await page.close();
});

test('while loading, the publisher\'s fallback stays visible in space reserved for the article', async () => {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const { page } = await openDemo({
    setup: (page) => page.route('**/data/editions/de-MX.json', async (route) => { await gate; await route.continue(); }),
  });
  const waiting = page.locator('#lead-article .byline-waiting');
  await waiting.waitFor();
  assert.equal(await page.locator('#lead-article > p.fallback').isVisible(), true);
  const { height } = await waiting.boundingBox();
  assert.ok(height > 600, `reserved space is ${height}px tall`);
  release();
  await page.locator('#lead-article .byline-headline').waitFor();
  assert.equal(await waiting.count(), 0);
  assert.equal(await page.locator('#lead-article > p.fallback').isVisible(), false);
  await page.close();
});

test('at 320 px in dark mode nothing overflows and the colours follow the scheme', async () => {
  const { page } = await openDemo({ width: 320, colorScheme: 'dark' });
  await page.locator('#lead-article .byline-headline').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  const background = await page.locator('#lead-article .byline').evaluate((el) => getComputedStyle(el).backgroundColor);
  const text = await page.locator('#lead-article .byline').evaluate((el) => getComputedStyle(el).color);
  assert.equal(text, 'rgb(236, 236, 236)');
  assert.notEqual(background, 'rgb(255, 255, 255)');
  await page.screenshot({ path: path.join(artifactsDir, 'demo-phone-dark.png'), fullPage: true });
  await page.close();
});
