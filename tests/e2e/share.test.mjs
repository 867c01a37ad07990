// End-to-end: the Share control, with the Web Share and Clipboard APIs replaced by recording
// stand-ins installed by the test page (headless Chromium on Linux has no navigator.share, and
// the stand-ins say exactly what was asked): the headline and the edition's own URL (else the
// original article's link) handed to navigator.share; without it, the link copied and the
// confirmation shown and announced; a cancelled share, a failed share, a refused clipboard;
// data-share="off"; the keyboard alone; axe-core with the confirmation shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, distDir, artifactsDir, axeViolations } from './harness.mjs';
import { trustServer, hostPage, placeholder, edition, EVENT_TYPES, recordEvents, events, waitForEvents } from './trust-fixtures.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const german = JSON.parse(await readFile(path.join(distDir, 'data/editions/de-MX.json'), 'utf8'));
const OWN_URL = 'https://news.example/en/us/2025/07/04/share-test';

/**
 * Init script: navigator.share (when `share`) and navigator.clipboard.writeText stand-ins that
 * record their arguments in window.__share. `window.__share.mode` says how share answers
 * (`ok`, `cancel`: the reader closed the share sheet, `fail`: the browser refused) and
 * `window.__share.clipboard` how writeText does (`ok`, `refuse`; `real` keeps the browser's).
 */
function installShare({ share, clipboard }) {
  const record = { shared: [], copied: [], mode: 'ok', clipboard };
  window.__share = record;
  delete Navigator.prototype.share;
  delete Navigator.prototype.canShare;
  if (share) {
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      writable: true,
      value(data) {
        record.shared.push(JSON.parse(JSON.stringify(data)));
        if (record.mode === 'cancel') return Promise.reject(new DOMException('Share canceled', 'AbortError'));
        if (record.mode === 'fail') return Promise.reject(new DOMException('Not allowed', 'NotAllowedError'));
        return Promise.resolve();
      },
    });
  }
  if (clipboard === 'real') return;
  const standIn = {
    writeText(text) {
      record.copied.push(text);
      return record.clipboard === 'ok' ? Promise.resolve() : Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    },
  };
  Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => standIn });
}

async function open(server, { share = false, clipboard = 'ok', attrs = {}, head = '', colorScheme = 'light', width = 1280, src = '/data/editions/de-MX.json' } = {}) {
  const url = server.page('/share.html', hostPage({
    head,
    body: placeholder('w', { src, lang: 'de', country: 'MX', loading: 'eager', ...attrs }),
  }));
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  if (clipboard === 'real') await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.addInitScript(recordEvents, [...EVENT_TYPES, 'share']);
  await page.addInitScript(installShare, { share, clipboard });
  await page.goto(url);
  await page.locator('#w .byline-headline').waitFor();
  return { context, page, pageErrors };
}

const record = (page) => page.evaluate(() => ({ shared: window.__share.shared, copied: window.__share.copied }));
const shareEvents = async (page) => (await events(page, 'w')).filter((e) => e.type === 'share').map((e) => e.detail);
const button = (page) => page.locator('#w .byline-share__button');
const status = (page) => page.locator('#w .byline-share [role=status]');

test('with navigator.share: the headline and the edition\'s own url are shared, and a share event says so', async () => {
  const server = await trustServer(distDir);
  try {
    const headline = 'Council approves the "tram line"';
    const src = server.json('/api/own.json', edition({ lang: 'de', country: 'MX', headline, url: OWN_URL }));
    const { context, page, pageErrors } = await open(server, { share: true, src });
    assert.equal(await button(page).textContent(), 'Teilen');
    await button(page).click();
    assert.deepEqual((await waitForEvents(page, 'w', 'share')).detail, { method: 'share', url: OWN_URL });
    const shown = await page.locator('#w .byline-headline').textContent();
    assert.deepEqual(await record(page), { shared: [{ title: shown, url: OWN_URL }], copied: [] });
    assert.equal(shown, 'Council approves the „tram line“', 'the headline as it is shown');
    // The browser's own share sheet was the confirmation: nothing is shown or announced.
    assert.equal(await status(page).textContent(), '');

    // The reader closes the share sheet: a cancelled share, nothing copied, nothing shown.
    await page.evaluate(() => { window.__share.mode = 'cancel'; });
    await button(page).click();
    assert.deepEqual((await waitForEvents(page, 'w', 'share', 2)).detail, { method: 'share', url: OWN_URL, cancelled: true });
    assert.equal((await record(page)).copied.length, 0);
    assert.equal(await status(page).textContent(), '');

    // The browser refuses to share: the link is copied instead.
    await page.evaluate(() => { window.__share.mode = 'fail'; });
    await button(page).click();
    assert.deepEqual((await waitForEvents(page, 'w', 'share', 3)).detail, { method: 'clipboard', url: OWN_URL });
    assert.deepEqual((await record(page)).copied, [OWN_URL]);
    assert.equal(await status(page).textContent(), 'Link kopiert');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('without navigator.share: the original article\'s link is copied, shown and announced, then the confirmation fades', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server);
    // The live region is there, empty, before anything is copied: screen readers announce
    // what then appears in it.
    assert.equal(await status(page).count(), 1);
    assert.equal(await status(page).getAttribute('aria-live'), 'polite');
    assert.equal(await status(page).textContent(), '');
    await button(page).click();
    assert.deepEqual((await waitForEvents(page, 'w', 'share')).detail, { method: 'clipboard', url: german.source.url });
    // The German edition has no url of its own: the original article's link is shared.
    assert.deepEqual(await record(page), { shared: [], copied: [german.source.url] });
    assert.equal(await status(page).textContent(), 'Link kopiert');
    assert.ok(await status(page).isVisible(), 'the confirmation is visible');
    const box = await status(page).boundingBox();
    const buttonBox = await button(page).boundingBox();
    assert.ok(Math.abs(box.y + box.height / 2 - (buttonBox.y + buttonBox.height / 2)) < buttonBox.height / 2, 'next to the button');
    // It goes after a few seconds, and the region stays for the next time.
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.byline-share [role=status]').textContent === '', null, { timeout: 10_000 });
    assert.equal(await status(page).count(), 1);
    // Copied again: announced again.
    await button(page).click();
    await waitForEvents(page, 'w', 'share', 2);
    assert.equal(await status(page).textContent(), 'Link kopiert');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('the browser\'s own clipboard holds the link', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server, { clipboard: 'real' });
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await button(page).click();
    assert.deepEqual((await waitForEvents(page, 'w', 'share')).detail, { method: 'clipboard', url: german.source.url });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), german.source.url);
    assert.equal(await status(page).textContent(), 'Link kopiert');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a refused clipboard shows the link to copy by hand', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server, { clipboard: 'refuse' });
    await button(page).click();
    assert.deepEqual((await waitForEvents(page, 'w', 'share')).detail, { method: 'clipboard', url: german.source.url, failed: true });
    const manual = page.locator('#w .byline-share__manual');
    await manual.waitFor();
    assert.match(await manual.textContent(), /Diesen Link kopieren:/);
    const input = manual.locator('input');
    assert.equal(await input.inputValue(), german.source.url);
    assert.equal(await input.getAttribute('readonly'), '');
    // Focused with the link selected: Ctrl+C copies it.
    assert.deepEqual(
      await page.evaluate(() => {
        const field = document.getElementById('w').shadowRoot.activeElement;
        return [field?.className, field?.selectionStart, field?.selectionEnd];
      }),
      ['byline-share__url', 0, german.source.url.length],
    );
    assert.equal(await status(page).textContent(), '');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('data-share="off" and <meta name="byline:share" content="off">: no control', async () => {
  const server = await trustServer(distDir);
  try {
    for (const options of [{ attrs: { share: 'off' } }, { head: '<meta name="byline:share" content="off">' }]) {
      const { context, page } = await open(server, { share: true, ...options });
      assert.equal(await page.locator('#w .byline-share').count(), 0, JSON.stringify(options));
      await context.close();
    }
    // And on by default (the check above can fail).
    const { context, page } = await open(server);
    assert.equal(await page.locator('#w .byline-share').count(), 1);
    await context.close();
  } finally {
    await server.close();
  }
});

test('keyboard only: Tab to Share, Enter copies the link', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page } = await open(server);
    const focused = () => page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.className ?? null);
    let steps = 0;
    while ((await focused()) !== 'byline-share__button' && steps++ < 20) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'byline-share__button');
    await page.keyboard.press('Enter');
    assert.deepEqual((await waitForEvents(page, 'w', 'share')).detail, { method: 'clipboard', url: german.source.url });
    assert.equal(await status(page).textContent(), 'Link kopiert');
    assert.equal(await focused(), 'byline-share__button', 'focus stays on the button');
    await context.close();
  } finally {
    await server.close();
  }
});

test('axe-core: no WCAG 2.2 AA violation with the confirmation or the link to copy shown, light, dark and right-to-left', async () => {
  const server = await trustServer(distDir);
  try {
    const cases = [
      ['light', 'de', 'ok', 1280],
      ['dark', 'de', 'ok', 360],
      ['dark', 'ar', 'ok', 1280],
      ['light', 'de', 'refuse', 360],
    ];
    for (const [colorScheme, lang, clipboard, width] of cases) {
      const { context, page } = await open(server, { colorScheme, clipboard, width });
      if (lang !== 'de') {
        await page.selectOption('#w select[name=language]', lang);
        await page.locator('#w .byline[dir=rtl]').waitFor();
      }
      await button(page).click();
      await waitForEvents(page, 'w', 'share');
      if (clipboard === 'ok') assert.notEqual(await status(page).textContent(), '');
      else await page.locator('#w .byline-share__manual').waitFor();
      const violations = await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
      assert.deepEqual(violations, [], `${colorScheme} ${lang} ${clipboard}`);
      await page.locator('#w .byline-share').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifactsDir, `share-${colorScheme}-${lang}-${clipboard}-${width}.png`) });
      await context.close();
    }
  } finally {
    await server.close();
  }
});
