// End-to-end: reading the article aloud, with a speechSynthesis stand-in installed by the test
// page (headless Chromium has no voices): what is spoken, in which language and order; pause,
// resume and stop; stopping on a switch and on destroy; the control hidden without a voice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, distDir, axeViolations } from './harness.mjs';
import { trustServer, hostPage, placeholder, EVENT_TYPES, recordEvents, events, waitForEvents } from './trust-fixtures.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const german = JSON.parse(await readFile(path.join(distDir, 'data/editions/de-MX.json'), 'utf8'));

/**
 * Init script: a speechSynthesis with `voices` (language tags) that records what it is asked
 * to speak in window.__speech; window.__speech.finish() ends the utterance being spoken.
 */
function installSpeech(voices) {
  const log = [];
  const spoken = [];
  const listeners = new Set();
  let current = null;
  const synthesis = {
    getVoices: () => voices.map((lang) => ({ lang, name: `Test voice ${lang}`, voiceURI: `test:${lang}`, localService: true, default: false })),
    speak(utterance) { spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.lang }); current = utterance; },
    pause() { log.push('pause'); },
    resume() { log.push('resume'); },
    // As browsers do: cancelling reports an error on the utterance being spoken.
    cancel() {
      log.push('cancel');
      const utterance = current;
      current = null;
      if (utterance && utterance.onerror) utterance.onerror(new Event('error'));
    },
    addEventListener(type, listener) { if (type === 'voiceschanged') listeners.add(listener); },
    removeEventListener(type, listener) { listeners.delete(listener); },
  };
  Object.setPrototypeOf(synthesis, SpeechSynthesis.prototype);
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } };
  window.__speech = {
    log,
    spoken,
    finish() {
      const utterance = current;
      current = null;
      if (utterance && utterance.onend) utterance.onend(new Event('end'));
    },
    addVoice(lang) { voices.push(lang); listeners.forEach((listener) => listener(new Event('voiceschanged'))); },
  };
}

/** The text of a block as read aloud (runs joined, spaces collapsed). */
function blockText(block) {
  const runs = (content) => content.map((run) => (typeof run === 'string' ? run : run.text)).join('');
  const text = { paragraph: runs, heading: runs }[block.type]?.(block.content)
    ?? (block.type === 'quote' ? (block.cite ? `${runs(block.content)} — ${block.cite}` : runs(block.content)) : null)
    ?? (block.type === 'image' ? block.caption ?? '' : '');
  return text.split(/\s+/).filter(Boolean).join(' ');
}

async function open(server, { voices = ['de-DE', 'es-ES', 'ar-SA'], attrs = {}, colorScheme = 'light' } = {}) {
  const url = server.page('/listen.html', hostPage({
    body: placeholder('w', { src: '/data/editions/de-MX.json', lang: 'de', country: 'MX', loading: 'eager', ...attrs }),
  }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.addInitScript(recordEvents, [...EVENT_TYPES, 'listen']);
  await page.addInitScript(installSpeech, voices);
  await page.goto(url);
  await page.locator('#w .byline-headline').waitFor();
  return { context, page, pageErrors };
}

const speech = (page) => page.evaluate(() => ({ spoken: window.__speech.spoken, log: window.__speech.log }));
const marked = (page) => page.locator('#w [aria-current=true]').evaluateAll((els) => els.map((el) => el.dataset.blockId || el.className));
const listenEvents = async (page) => (await events(page, 'w')).filter((e) => e.type === 'listen').map((e) => e.detail);

test('listen reads the headline, the standfirst, then every block in order, in the edition\'s language', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server);
    const main = page.locator('#w .byline-listen__button').first();
    assert.equal(await main.textContent(), 'Anhören');
    await main.click();
    assert.deepEqual((await waitForEvents(page, 'w', 'listen')).detail, { action: 'start', lang: 'de' });
    const expected = [german.headline, german.standfirst, ...german.body.map(blockText).filter(Boolean)];
    assert.deepEqual(await marked(page), ['byline-headline byline-reading']);
    for (let i = 1; i < expected.length; i++) {
      await page.evaluate(() => window.__speech.finish());
      const block = german.body.find((b) => blockText(b) === expected[i]);
      if (block) assert.deepEqual(await marked(page), [block.id], `part ${i} is marked`);
    }
    const { spoken } = await speech(page);
    assert.deepEqual(spoken.map((u) => u.text), expected);
    assert.ok(spoken.every((u) => u.lang === 'de' && u.voice === 'de-DE'), JSON.stringify(spoken.map((u) => [u.lang, u.voice])));
    // Pause and resume the last part, then let it end.
    await main.click();
    assert.equal(await main.textContent(), 'Fortsetzen');
    assert.equal(await main.getAttribute('aria-pressed'), 'true');
    await main.click();
    assert.equal(await main.textContent(), 'Pause');
    assert.deepEqual((await speech(page)).log.filter((c) => c !== 'cancel'), ['pause', 'resume']);
    await page.evaluate(() => window.__speech.finish());
    assert.deepEqual((await waitForEvents(page, 'w', 'listen', 2)).detail, { action: 'stop', reason: 'finished' });
    assert.equal(await main.textContent(), 'Anhören');
    assert.deepEqual(await marked(page), []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('listen stops on the stop button, on a switch of edition and on destroy; hidden without a voice', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page, pageErrors } = await open(server);
    const main = page.locator('#w .byline-listen__button').first();
    const cancels = async () => (await speech(page)).log.filter((c) => c === 'cancel').length;

    await main.click();
    await page.evaluate(() => window.__speech.finish());
    const stop = page.locator('#w .byline-listen__button', { hasText: 'Vorlesen beenden' });
    const before = await cancels();
    await stop.click();
    assert.equal(await cancels(), before + 1);
    assert.deepEqual((await listenEvents(page)).at(-1), { action: 'stop', reason: 'reader' });
    assert.deepEqual(await marked(page), []);
    assert.equal(await stop.count(), 0);
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.textContent), 'Anhören', 'focus stays on the control');

    // A switch of edition stops the reading; the Spanish edition has its own control.
    await main.click();
    const spokenBefore = (await speech(page)).spoken.length;
    await page.selectOption('#w select[name=language]', 'es');
    await page.locator('#w .byline-headline:lang(es)').waitFor();
    await page.locator('#w .byline-listen__button', { hasText: 'Escuchar' }).waitFor();
    assert.deepEqual((await listenEvents(page)).at(-1), { action: 'stop', reason: 'gone' });
    await page.evaluate(() => window.__speech.finish());
    assert.equal((await speech(page)).spoken.length, spokenBefore, 'nothing more is read of the edition that went');

    // No voice for Ukrainian: no control, and no error; one appears once the browser has one.
    await page.selectOption('#w select[name=language]', 'uk');
    await page.locator('#w .byline-headline:lang(uk)').waitFor();
    assert.equal(await page.locator('#w .byline-listen').count(), 0);
    await page.evaluate(() => window.__speech.addVoice('uk-UA'));
    await page.locator('#w .byline-listen__button', { hasText: 'Слухати' }).waitFor();

    // Destroy stops it too.
    await page.locator('#w .byline-listen__button').first().click();
    assert.equal((await speech(page)).spoken.at(-1).lang, 'uk');
    const cancelsBefore = await cancels();
    await page.evaluate(() => window.Byline.destroy(document.getElementById('w')));
    assert.equal(await cancels(), cancelsBefore + 1);
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'listen').at(-1).detail.action === 'stop');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('data-listen="off": no control, even with a voice', async () => {
  const server = await trustServer(distDir);
  try {
    const { context, page } = await open(server, { attrs: { listen: 'off' } });
    assert.equal(await page.locator('#w .byline-listen').count(), 0);
    await context.close();
  } finally {
    await server.close();
  }
});

test('axe-core: no WCAG 2.2 AA violation while a block is read, light, dark and right-to-left', async () => {
  const server = await trustServer(distDir);
  try {
    for (const [colorScheme, lang] of [['light', 'de'], ['dark', 'de'], ['light', 'ar'], ['dark', 'ar']]) {
      const { context, page } = await open(server, { colorScheme });
      if (lang !== 'de') {
        await page.selectOption('#w select[name=language]', lang);
        await page.locator('#w .byline[dir=rtl]').waitFor();
      }
      await page.locator('#w .byline-listen__button').first().click();
      for (let i = 0; i < 3; i++) await page.evaluate(() => window.__speech.finish());
      assert.equal((await marked(page)).length, 1);
      const violations = await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
      assert.deepEqual(violations, [], `${colorScheme} ${lang}`);
      await context.close();
    }
  } finally {
    await server.close();
  }
});
