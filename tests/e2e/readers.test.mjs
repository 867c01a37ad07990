// End-to-end: readers of any language and ability (WAI-ARIA patterns, WCAG 2.2 AA, keyboard,
// reduced motion, right-to-left, rapid switching), on the built demo in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startStaticServer, launchBrowser, distDir, artifactsDir, eventually, axeViolations } from './harness.mjs';

const LEAD = '#lead-article';

let server;
let browser;

before(async () => {
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo({ colorScheme = 'light', reducedMotion = 'no-preference', width = 1280, setup } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, reducedMotion });
  const page = await context.newPage();
  if (setup) await setup(page);
  await page.goto(`${server.url}/`);
  await page.locator(`${LEAD} .byline-headline`).waitFor();
  return page;
}

/** The element focused inside the lead widget's shadow root, as "tag.class[name]". */
function focusedInWidget(page) {
  return page.evaluate((lead) => {
    const active = document.querySelector(lead).shadowRoot.activeElement;
    if (!active) return null;
    return `${active.tagName.toLowerCase()}.${active.classList[0] ?? ''}${active.name ? `[${active.name}]` : ''}`;
  }, LEAD);
}

test('axe-core finds no WCAG 2.2 AA violation: light, dark, right-to-left, pickers open and closed', async () => {
  for (const [colorScheme, lang] of [['light', 'de'], ['dark', 'de'], ['light', 'ar'], ['dark', 'ar']]) {
    const page = await openDemo({ colorScheme });
    if (lang !== 'de') {
      await page.selectOption(`${LEAD} select[name=language]`, lang);
      await page.locator(`${LEAD} .byline[dir=rtl]`).waitFor();
    }
    // Make the lazy second widget render too, so it is checked as well.
    await page.locator('#second-article').scrollIntoViewIfNeeded();
    await page.locator('#second-article .byline-headline').waitFor();
    await page.locator(`${LEAD} .byline-carousel__track img`).first().scrollIntoViewIfNeeded();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${lang}, pickers closed`);
    // A native select opens with Alt+ArrowDown; its state is the browser's, checked as it is.
    await page.focus(`${LEAD} select[name=country]`);
    await page.keyboard.press('Alt+ArrowDown');
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${lang}, picker open`);
    await page.keyboard.press('Escape');
    await page.context().close();
  }
});

test('keyboard only: both pickers, the carousel and a related item, without a mouse', async () => {
  const page = await openDemo({
    // Related items link to the sample domain: answer for it here, nothing leaves the machine.
    setup: (page) =>
      page.context().route('https://news.example/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Related item</title>' })),
  });
  // Tab from the top of the page to the language picker.
  let steps = 0;
  while ((await focusedInWidget(page)) !== 'select.byline-picker__select[language]' && steps++ < 20) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedInWidget(page), 'select.byline-picker__select[language]');
  // Type-ahead picks Español; the change applies and focus stays on the picker.
  await page.keyboard.type('Esp');
  await page.locator(`${LEAD} .byline-headline`, { hasText: 'Zelenski' }).waitFor();
  assert.equal(await focusedInWidget(page), 'select.byline-picker__select[language]');
  // The new edition is announced politely.
  assert.match(await page.locator(`${LEAD} p[aria-live=polite]`).first().textContent(), /Zelenski acuerda/);
  await page.keyboard.press('Tab');
  assert.equal(await focusedInWidget(page), 'select.byline-picker__select[country]');
  await page.keyboard.type('Esp'); // España
  await page.locator(`${LEAD} select[name=country]`).evaluate((s) => s.value === 'ES' || Promise.reject(s.value));
  await eventually(() => page.locator(`${LEAD} .byline`).getAttribute('aria-busy'), 'false');
  assert.equal(await page.locator(`${LEAD} select[name=country]`).inputValue(), 'ES');
  assert.equal(await focusedInWidget(page), 'select.byline-picker__select[country]');
  // On to the carousel's "next" button (previous is disabled at the start, so skipped).
  steps = 0;
  while ((await focusedInWidget(page)) !== 'button.byline-arrow' && steps++ < 60) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate((lead) => document.querySelector(lead).shadowRoot.activeElement.className, LEAD), 'byline-arrow byline-carousel__next');
  await page.keyboard.press('Enter');
  await eventually(
    () => page.locator(`${LEAD} .byline-carousel__slide`).evaluateAll((s) => s.findIndex((x) => !x.inert)),
    3,
    'Enter on "next" shows the next page',
  );
  // Tab reaches the first visible item (off-screen items are inert), Enter opens it.
  await page.keyboard.press('Tab');
  const focusedLink = await page.evaluate((lead) => document.querySelector(lead).shadowRoot.activeElement.closest('.byline-carousel__slide').getAttribute('aria-label'), LEAD);
  assert.equal(focusedLink, '4 de 10');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  assert.match(popup.url(), /^https:\/\/news\.example\/es\/es\//);
  await page.context().close();
});

test('the whole journey by keyboard alone: compare side by side, share, one original, the carousel', async () => {
  const page = await openDemo({
    setup: (page) => page.addInitScript(() => {
      // No share sheet here; a clipboard that records what it is given.
      delete Navigator.prototype.share;
      window.__copied = [];
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        configurable: true,
        get: () => ({ writeText: (text) => { window.__copied.push(text); return Promise.resolve(); } }),
      });
    }),
  });
  const tabTo = async (wanted, key = 'Tab') => {
    for (let steps = 0; (await focusedInWidget(page)) !== wanted && steps < 60; steps++) {
      await page.keyboard.press(key);
    }
    assert.equal(await focusedInWidget(page), wanted);
  };
  // Side by side with the original, and back.
  await tabTo('button.byline-compare-toggle');
  await page.keyboard.press('Space');
  await page.locator(`${LEAD} .byline-original__text`).first().waitFor();
  // Share: the next stop (the per-block buttons are hidden side by side); the link is copied
  // and the confirmation shown.
  await page.keyboard.press('Tab');
  assert.equal(await focusedInWidget(page), 'button.byline-share__button');
  await page.keyboard.press('Enter');
  await page.locator(`${LEAD} .byline-share [role=status]`, { hasText: 'Link kopiert' }).waitFor();
  assert.equal((await page.evaluate(() => window.__copied)).length, 1);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`${LEAD} .byline-compare-toggle`).getAttribute('aria-pressed'), 'false');
  // One block's original.
  await tabTo('button.byline-original-toggle');
  await page.keyboard.press('Enter');
  await page.locator(`${LEAD} .byline-original:not([hidden]) .byline-original__text:lang(es)`).waitFor();
  // On through the article to the carousel.
  await tabTo('button.byline-arrow');
  await page.keyboard.press('Enter');
  await eventually(
    () => page.locator(`${LEAD} .byline-carousel__slide`).evaluateAll((s) => s.findIndex((x) => !x.inert)),
    3,
    'Enter on "next" shows the next page',
  );
  await page.context().close();
});

test('with reduced motion, nothing in the widget animates or transitions', async () => {
  const page = await openDemo({
    reducedMotion: 'reduce',
    setup: (page) =>
      page.route('**/data/editions/es-MX.json', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      }),
  });
  const running = () =>
    page.evaluate((lead) => {
      const root = document.querySelector(lead).shadowRoot;
      return root.getAnimations().filter((a) => a.playState === 'running').map((a) => a.animationName || a.transitionProperty || 'animation');
    }, LEAD);
  await page.hover(`${LEAD} .byline-carousel__next`);
  await page.focus(`${LEAD} .byline-all-news`);
  assert.deepEqual(await running(), []);
  await page.selectOption(`${LEAD} select[name=language]`, 'es'); // the loading bar would animate
  assert.equal(await page.locator(`${LEAD} .byline-progress--active`).count(), 1);
  assert.deepEqual(await running(), []);
  // Without the preference, the same interactions do animate (so the check above can fail).
  const moving = await openDemo();
  await moving.hover(`${LEAD} .byline-carousel__next`);
  assert.ok((await moving.evaluate((lead) => document.querySelector(lead).shadowRoot.getAnimations().length, LEAD)) > 0);
  await page.context().close();
  await moving.context().close();
});

test('the Arabic edition is right-to-left with mirrored carousel arrows', async () => {
  const page = await openDemo({ width: 900 });
  await page.selectOption(`${LEAD} select[name=language]`, 'ar');
  const root = page.locator(`${LEAD} .byline[dir=rtl]`);
  await root.waitFor();
  assert.equal(await root.getAttribute('lang'), 'ar');
  const related = page.locator(`${LEAD} .byline-related`);
  await related.scrollIntoViewIfNeeded();
  const arrowScale = (selector) =>
    page.locator(`${LEAD} ${selector} .byline-icon--arrow`).evaluate((svg) => getComputedStyle(svg).scale);
  // Left-to-right: "next" points right (unscaled), "previous" is mirrored; right-to-left swaps.
  assert.equal(await arrowScale('.byline-carousel__next'), '-1 1');
  assert.equal(await arrowScale('.byline-carousel__prev'), '1');
  const next = await page.locator(`${LEAD} .byline-carousel__next`).boundingBox();
  const prev = await page.locator(`${LEAD} .byline-carousel__prev`).boundingBox();
  assert.ok(next.x < prev.x, '"next" sits left of "previous" in right-to-left');
  await page.click(`${LEAD} .byline-carousel__next`);
  await eventually(
    () => page.locator(`${LEAD} .byline-carousel__slide`).evaluateAll((s) => s.findIndex((x) => !x.inert)),
    3,
  );
  const box = await related.boundingBox();
  await page.screenshot({ path: path.join(artifactsDir, 'carousel-rtl.png'), clip: { x: 0, y: box.y - 10, width: 900, height: box.height + 20 } });
  await page.context().close();
});

test('rapid switching A → B → C with slow responses ends on C, with A and B aborted', async () => {
  const delays = { 'en-MX.json': 1500, 'uk-MX.json': 1500, 'es-MX.json': 300 };
  const page = await openDemo({
    setup: (page) =>
      page.route('**/data/editions/*.json', async (route) => {
        const name = route.request().url().split('/').pop();
        await new Promise((resolve) => setTimeout(resolve, delays[name] ?? 0));
        await route.continue().catch(() => {}); // an aborted request can no longer continue
      }),
  });
  const aborted = [];
  page.on('requestfailed', (request) => aborted.push([request.url().split('/').pop(), request.failure()?.errorText]));
  for (const lang of ['en', 'uk', 'es']) {
    await page.selectOption(`${LEAD} select[name=language]`, lang);
  }
  await page.locator(`${LEAD} .byline-headline`, { hasText: 'Zelenski acuerda' }).waitFor();
  await page.waitForTimeout(1800); // let A's and B's slow responses arrive, were they not aborted
  assert.match(await page.locator(`${LEAD} .byline-headline`).textContent(), /Zelenski acuerda/);
  assert.equal(await page.locator(`${LEAD} select[name=language]`).inputValue(), 'es');
  assert.deepEqual(aborted.map(([name]) => name).sort(), ['en-MX.json', 'uk-MX.json']);
  assert.ok(aborted.every(([, error]) => /ABORTED/i.test(error)), JSON.stringify(aborted));
  await page.context().close();
});

test('switching back to an edition already seen is served from memory', async () => {
  const page = await openDemo();
  const fetched = [];
  page.on('request', (request) => request.url().endsWith('.json') && fetched.push(request.url().split('/').pop()));
  await page.selectOption(`${LEAD} select[name=language]`, 'en');
  await page.locator(`${LEAD} .byline-headline`, { hasText: 'Zelensky' }).waitFor();
  await page.selectOption(`${LEAD} select[name=language]`, 'de');
  await page.locator(`${LEAD} .byline-headline`, { hasText: 'Selenskyj' }).waitFor();
  await page.selectOption(`${LEAD} select[name=language]`, 'en');
  await page.locator(`${LEAD} .byline-headline`, { hasText: 'Zelensky' }).waitFor();
  assert.deepEqual(fetched, ['en-MX.json']);
  await page.context().close();
});

test('recent related items show relative times in the reader\'s language', async () => {
  const page = await openDemo({
    setup: (page) =>
      page.route('**/data/editions/de-MX.json', async (route) => {
        const response = await route.fetch();
        const edition = await response.json();
        edition.related[0].published = new Date(Date.now() - 2 * 3600_000 - 60_000).toISOString();
        await route.fulfill({ response, json: edition });
      }),
  });
  assert.equal(await page.locator(`${LEAD} .byline-card__meta time`).first().textContent(), 'vor 2 Stunden');
  assert.match(await page.locator(`${LEAD} .byline-card__meta time`).nth(1).textContent(), /Juli 2025/);
  await page.context().close();
});

test('text enlarged to 200% stays readable without loss', async () => {
  const page = await openDemo({ width: 800 });
  const before = await page.locator(`${LEAD} .byline-paragraph`).first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.waitForTimeout(200);
  const after = await page.locator(`${LEAD} .byline-paragraph`).first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  // 2× the reader's font size (a narrower layout at that size trims the body text slightly).
  assert.ok(after / before >= 1.85, `text grew from ${before}px to ${after}px`);
  const clipped = await page.evaluate((lead) => {
    const root = document.querySelector(lead).shadowRoot;
    return [...root.querySelectorAll('.byline-headline, .byline-paragraph, .byline-picker__select, .byline-card__headline, .byline-source')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.className);
  }, LEAD);
  assert.deepEqual(clipped, []);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)) <= 0);
  await page.screenshot({ path: path.join(artifactsDir, 'text-200.png') });
  await page.context().close();
});
