// End-to-end: trust. Hostile article HTML through the real widget's sanitizer (an XSS corpus),
// failing networks and bad data, a panicking module, privacy, and leaks; in Debian's Chromium.
//
// Needs `make build` (dist/) and, for the panic test, `make build-test-hooks`
// (target/dist-test-hooks/).
//
// tests/e2e/xss-corpus.json holds [{ name, html, expected }]: `expected` is the innerHTML of the
// `.byline-html` container the widget renders for a body block {"type":"html","html":…}.
// `{origin}` in `expected` stands for the test server's origin (relative URLs resolve against
// the edition, served from {origin}/xss/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, distDir, repoRoot, eventually } from './harness.mjs';
import {
  trustServer, edition, hostPage, placeholder, FALLBACK, EVENT_TYPES, recordEvents, events, waitForEvents, sleep,
} from './trust-fixtures.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const testHooksDir = path.join(repoRoot, 'target', 'dist-test-hooks');

/** The widget's English wording (model/src/i18n.rs), as readers see it. */
const EN = {
  network: 'The article could not be loaded. Please check your connection.',
  http: (status) => `The article is not available right now (error ${status}).`,
  invalid: 'The article’s data is invalid and cannot be shown.',
  offline: 'You are offline. The article will load when the connection is back.',
  timeout: 'The article is taking too long to load. Please try again.',
  switchFailed: 'The chosen edition could not be loaded; the article you were reading is still shown.',
};

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Browser contexts not closed yet. */
const openContexts = new Set();

/** Runs `body()`; afterwards closes every context it opened, even when it failed. */
async function closingContexts(body) {
  const before = new Set(openContexts);
  try {
    return await body();
  } finally {
    for (const context of openContexts) if (!before.has(context)) await context.close().catch(() => {});
  }
}

/** Runs `body(server)` with a trust server over `root`; closes both its pages and the server. */
async function withServer(root, body) {
  const server = await trustServer(root);
  try {
    return await closingContexts(() => body(server));
  } finally {
    await server.close();
  }
}

/**
 * A fresh context and page at `url`: widget events recorded in window.__events, page errors and
 * console errors collected. `setup(context, page)` runs before navigation.
 */
async function openPage(url, { initScripts = [], setup, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  await page.addInitScript(recordEvents, EVENT_TYPES);
  for (const script of initScripts) await page.addInitScript(script);
  if (setup) await setup(context, page);
  await page.goto(url);
  return { context, page, pageErrors, consoleErrors };
}

// =============================================================================================
// 1. XSS corpus

const KEPT_TAGS = ['p', 'br', 'em', 'strong', 'a', 'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'figure', 'figcaption',
  'img', 'sub', 'sup', 'small', 'mark', 'abbr', 'code', 'pre', 'hr', 's', 'del', 'ins', 'time', 'h3', 'h4'];
const ATTRIBUTES = {
  '*': ['lang', 'dir', 'title'],
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'referrerpolicy'],
  ol: ['start'],
  time: ['datetime'],
};
/** Benign images in the corpus come from here; the test answers them with a 1×1 PNG. */
const IMAGE_ORIGIN = 'https://images.example';
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Init script: any script that runs from article HTML leaves a trace in window.__xss. */
function instrumentXss() {
  window.__xss = [];
  const trap = (name) => function (...args) {
    window.__xss.push(`${name}(${args.map(String).join(', ')})`);
  };
  window.__pwn = trap('__pwn');
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, name, { value: trap(name), writable: false, configurable: false });
  }
}

/** In the page: every element inside the sanitized containers breaks no allowlist rule. */
function allowlistViolations({ kept, attributes }) {
  const violations = [];
  for (const host of document.querySelectorAll('.byline-article')) {
    const root = host.shadowRoot;
    if (!root) continue;
    // Nowhere in the widget: on* handlers, or elements that run or embed anything.
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) violations.push(`${host.id}: <${el.localName} ${attr.name}> in the widget`);
      }
      // Except the widget's own controls (the Share button and the field of its link, the listen
      // and carousel buttons): of its own classes, which article HTML never keeps, and outside it.
      const own = /^(button|input)$/.test(el.localName) && /^byline-/.test(el.className) && !el.closest('.byline-html');
      if (!own && /^(script|iframe|object|embed|frame|frameset|base|meta|link|form|input|button|textarea|math|template|noscript|style|portal)$/i.test(el.localName)) {
        violations.push(`${host.id}: <${el.localName}> in the widget`);
      }
    }
    for (const container of root.querySelectorAll('.byline-html')) {
      const block = container.getAttribute('data-block-id');
      for (const el of container.querySelectorAll('*')) {
        const tag = el.localName;
        if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !kept.includes(tag)) {
          violations.push(`${block}: <${tag}> (${el.namespaceURI})`);
          continue;
        }
        for (const { name, value } of el.attributes) {
          if (![...attributes['*'], ...(attributes[tag] ?? [])].includes(name)) violations.push(`${block}: <${tag} ${name}="${value}">`);
        }
        if (tag === 'a') {
          const href = el.getAttribute('href');
          if (href !== null && !/^(https?:\/\/|mailto:)/.test(href)) violations.push(`${block}: <a href="${href}">`);
          if (el.getAttribute('rel') !== 'noopener noreferrer nofollow' || el.getAttribute('target') !== '_blank') {
            violations.push(`${block}: <a rel="${el.getAttribute('rel')}" target="${el.getAttribute('target')}">`);
          }
        }
        if (tag === 'img' && !/^https:\/\//.test(el.getAttribute('src') ?? '')) violations.push(`${block}: <img src="${el.getAttribute('src')}">`);
      }
    }
  }
  return violations;
}

/** In the page: fires the events inline handlers listen for at every sanitized element. */
function provokeHandlers() {
  const types = ['mouseover', 'mouseenter', 'pointerenter', 'focus', 'focusin', 'blur', 'error', 'load', 'toggle',
    'animationstart', 'animationend', 'transitionend', 'copy', 'paste', 'scroll', 'auxclick', 'beforetoggle'];
  let fired = 0;
  for (const host of document.querySelectorAll('.byline-article')) {
    for (const el of host.shadowRoot?.querySelectorAll('.byline-html *') ?? []) {
      for (const type of types) {
        el.dispatchEvent(new Event(type));
        fired++;
      }
    }
  }
  return fired;
}

test('XSS corpus through the real widget: nothing runs or loads, exact sanitized output, idempotent', async (t) => {
  const corpus = JSON.parse(await readFile(path.join(here, 'xss-corpus.json'), 'utf8'));
  assert.ok(corpus.length >= 150, `${corpus.length} vectors`);
  assert.equal(new Set(corpus.map((v) => v.name)).size, corpus.length, 'vector names are unique');
  for (const vector of corpus) {
    assert.deepEqual(Object.keys(vector).sort(), ['expected', 'html', 'name'], JSON.stringify(vector.name));
    assert.equal(typeof vector.html, 'string');
    assert.equal(typeof vector.expected, 'string');
  }

  await withServer(distDir, async (server) => {
    const expected = corpus.map((v) => v.expected.replaceAll('{origin}', server.url));
    const SENTINEL = { id: 'end', type: 'html', html: '<p>sentinel</p>' };
    // Every vector is a body block of one edition; their expected outputs, a second edition.
    server.json('/xss/vectors.json', edition({
      headline: 'Vectors',
      body: [...corpus.map((v, i) => ({ id: `v${i}`, type: 'html', html: v.html })), SENTINEL],
      editions: [['en', 'US', 'vectors.json']],
    }));
    server.json('/xss/again.json', edition({
      headline: 'Sanitized again',
      body: [...expected.map((html, i) => ({ id: `v${i}`, type: 'html', html })), SENTINEL],
      editions: [['en', 'US', 'again.json']],
    }));
    // Same-origin beacons that some vectors try to load.
    server.route('/pwned', (req, res) => (res.writeHead(204).end(), true));
    const url = server.page('/xss/page.html', hostPage({
      body: placeholder('vectors', { src: '/xss/vectors.json', lang: 'en', country: 'US', loading: 'eager' }) +
        placeholder('again', { src: '/xss/again.json', lang: 'en', country: 'US', loading: 'eager' }),
    }));

    const requests = [];
    const dialogs = [];
    const { context, page, pageErrors } = await openPage(url, {
      initScripts: [instrumentXss],
      setup: async (context, page) => {
        context.on('request', (request) => requests.push(request.url()));
        page.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          dialog.dismiss().catch(() => {});
        });
        // Nothing leaves the machine: benign images get a PNG, anything else is refused.
        await context.route((u) => !u.href.startsWith(`${server.url}/`), (route) =>
          route.request().url().startsWith(`${IMAGE_ORIGIN}/`)
            ? route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1X1 })
            : route.abort());
      },
    });
    const sentinel = (id) => page.locator(`#${id} .byline-html[data-block-id=end] p`);
    await sentinel('vectors').waitFor();
    await sentinel('again').waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const read = (id) => page.locator(`#${id}`).evaluate((host, count) =>
      Array.from({ length: count }, (_, i) =>
        host.shadowRoot.querySelector(`.byline-html[data-block-id="v${i}"]`)?.innerHTML ?? null), corpus.length);
    const actual = await read('vectors');
    const again = await read('again');

    // Give anything that could run a chance to: handlers provoked, lazy images scrolled in.
    const fired = await page.evaluate(provokeHandlers);
    assert.ok(fired > 0);
    await page.evaluate(async () => {
      const root = document.scrollingElement;
      for (let y = 0, i = 0; y < root.scrollHeight && i < 2000; y += innerHeight, i++) {
        root.scrollTop = y;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    await page.waitForTimeout(500);

    await t.test('no script ran, no dialog, no frame, no page error, no navigation', async () => {
      assert.deepEqual(await page.evaluate(() => window.__xss), []);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(pageErrors, []);
      assert.equal(page.frames().length, 1, 'no frame was created');
      assert.equal(page.url(), url, 'the page did not navigate');
      assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie was set');
    });

    await t.test('nothing was requested but the page, the widget, the editions and the benign images', async () => {
      const unexpected = requests.filter((u) => !(u.startsWith(`${server.url}/`) || u.startsWith(`${IMAGE_ORIGIN}/`)));
      assert.deepEqual(unexpected, []);
      const local = requests.filter((u) => u.startsWith(`${server.url}/`)).map((u) => new URL(u).pathname);
      const allowed = ['/xss/page.html', '/byline.js', '/byline-widget.js', '/byline-widget_bg.wasm', '/xss/vectors.json', '/xss/again.json', '/favicon.ico'];
      assert.deepEqual(local.filter((p) => !allowed.includes(p)), []);
      assert.equal(server.count('/pwned'), 0);
      assert.ok(requests.some((u) => u.startsWith(`${IMAGE_ORIGIN}/`)), 'the benign images loaded (requests are being watched)');
    });

    await t.test('only allowlisted elements and attributes, only http(s)/mailto links and https images', async () => {
      assert.deepEqual(await page.evaluate(allowlistViolations, { kept: KEPT_TAGS, attributes: ATTRIBUTES }), []);
    });

    await t.test(`every one of the ${corpus.length} vectors gives exactly the expected markup`, () => {
      const mismatches = corpus.flatMap((v, i) => (actual[i] === expected[i] ? [] : [{ name: v.name, expected: expected[i], actual: actual[i] }]));
      assert.deepEqual(mismatches, []);
    });

    await t.test('sanitizing the sanitized output again changes nothing', () => {
      const changed = corpus.flatMap((v, i) => (again[i] === expected[i] ? [] : [{ name: v.name, once: expected[i], twice: again[i] }]));
      assert.deepEqual(changed, []);
    });
    await context.close();
  });
});

test('after switches, an HTML block shows the shown edition\'s HTML only', async () => {
  await withServer(distDir, async (server) => {
    const html = { en: '<p>English <em>HTML</em> block</p>', de: '<p>Deutscher <em>HTML</em>-Block</p>' };
    for (const lang of ['en', 'de']) {
      server.json(`/html-switch/${lang}-US.json`, edition({
        lang,
        headline: `Headline ${lang}`,
        body: [{ id: 'p1', type: 'paragraph', content: [`Paragraph ${lang}`] }, { id: 'h1', type: 'html', html: html[lang] }],
        editions: [['en', 'US', 'en-US.json'], ['de', 'US', 'de-US.json']],
      }));
    }
    const url = server.page('/html-switch/page.html', hostPage({
      body: placeholder('w', { src: '/html-switch/en-US.json', lang: 'en', country: 'US', loading: 'eager' }),
    }));
    const { context, page, pageErrors } = await openPage(url);
    const block = () => page.locator('#w .byline-html[data-block-id=h1]').evaluate((el) => el.innerHTML);
    await page.locator('#w .byline-html[data-block-id=h1] p').waitFor();
    assert.equal(await block(), html.en);
    const seen = [];
    for (const lang of ['de', 'en', 'de']) {
      await page.selectOption('#w select[name=language]', lang);
      await page.locator('#w .byline-headline', { hasText: `Headline ${lang}` }).waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      seen.push({ lang, block: await block(), paragraph: await page.locator('#w .byline-paragraph').textContent() });
    }
    assert.deepEqual(seen, ['de', 'en', 'de'].map((lang) => ({ lang, block: html[lang], paragraph: `Paragraph ${lang}` })));
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

// =============================================================================================
// 2. Failing networks and bad data

const HEADLINES = { en: 'Air defence talks resume', de: 'Gespräche über Luftabwehr gehen weiter' };

/** A valid edition in `lang` for the US, listing the English and German editions. */
function goodEdition(lang, extra = {}) {
  return edition({
    lang,
    headline: HEADLINES[lang],
    body: [{ id: 'p1', type: 'paragraph', content: [`Body of the ${lang} edition.`] }],
    editions: [['en', 'US', 'en-US.json'], ['de', 'US', 'de-US.json']],
    ...extra,
  });
}

/** Route handlers that answer, fail, or break the response. */
const answer = {
  json: (body, headers = {}) => (req, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...headers });
    res.end(text);
    return true;
  },
  status: (status, headers = {}, body = `${status}`) => (req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
    res.end(body);
    return true;
  },
  /** Answers the n-th request (from 1) with handlers[n - 1], the last one thereafter. */
  sequence: (...handlers) => {
    let n = 0;
    return (req, res, url) => handlers[Math.min(n++, handlers.length - 1)](req, res, url);
  },
  /** Headers at once, then the body one byte every `everyMs` until the client gives up. */
  trickle: (text, everyMs = 150) => async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    let closed = false;
    res.on('close', () => { closed = true; });
    for (let i = 0; i < text.length && !closed; i++) {
      res.write(text[i]);
      await sleep(everyMs);
    }
    if (!closed) res.end();
    return true;
  },
  /** Headers (with the full Content-Length) and half the body, then the connection drops. */
  dropMidBody: (text) => (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.write(text.slice(0, text.length >> 1), () => setTimeout(() => res.socket?.destroy(), 50));
    return true;
  },
  /** A body of `bytes` bytes in 64 KiB chunks: with Content-Length, or chunked without it. */
  huge: (bytes, { declared }) => (req, res) => {
    const head = '{"version":1,"padding":"';
    const tail = '"}';
    res.writeHead(200, { 'Content-Type': 'application/json', ...(declared ? { 'Content-Length': bytes } : {}) });
    res.write(head);
    const chunk = 'x'.repeat(64 * 1024);
    let left = bytes - head.length - tail.length;
    const pump = () => {
      while (left > 0) {
        const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
        left -= piece.length;
        if (!res.write(piece)) return res.once('drain', pump);
      }
      res.end(tail);
    };
    res.on('error', () => {});
    pump();
    return true;
  },
};

/**
 * A page whose widget (English UI, with fallback content) loads /f/<name>/en-US.json, answered
 * by `first` (default: a valid edition); its German edition /f/<name>/de-US.json is answered by
 * `second` (default: valid).
 */
async function faultPage(server, name, { first = answer.json(goodEdition('en')), second = answer.json(goodEdition('de')), timeout } = {}) {
  const dir = `/f/${name}`;
  const paths = { first: `${dir}/en-US.json`, second: `${dir}/de-US.json` };
  server.route(paths.first, first);
  server.route(paths.second, second);
  const attrs = { src: paths.first, lang: 'en', country: 'US', loading: 'eager', ...(timeout ? { timeout } : {}) };
  const url = server.page(`${dir}/page.html`, hostPage({ body: placeholder('w', attrs, FALLBACK) }));
  return { ...(await openPage(url)), paths };
}

/**
 * Waits for the widget's next outcome: an `error` event, or a `render` beyond the `renders`
 * seen so far. Returns the event, so that a wrong outcome fails at once, not by a timeout.
 */
async function nextOutcome(page, renders) {
  await page.waitForFunction((renders) => window.__events.some((e) => e.id === 'w' &&
    (e.type === 'error' || (e.type === 'render' && --renders < 0))), renders);
  const seen = (await events(page, 'w')).filter((e) => e.type === 'error' || e.type === 'render');
  return seen.find((e) => e.type === 'error') ?? seen.at(-1);
}

/** The first load failed: the error shows (with the fallback), no article, one error event. */
async function expectFirstLoadError(page, { reason, status = null, message }) {
  const error = await nextOutcome(page, 0);
  assert.equal(error.type, 'error', `expected a "${reason}" error, but the edition rendered: ${JSON.stringify(error.detail)}`);
  assert.equal(error.detail.reason, reason, `error event: ${JSON.stringify(error.detail)}`);
  assert.equal(error.detail.status, status);
  await page.locator('#w .byline-error[role=alert]').waitFor();
  assert.equal(await page.locator('#w .byline-error__message').textContent(), message);
  assert.equal(await page.locator('#w .byline-error--inline').count(), 0);
  assert.equal(await page.locator('#w .byline-headline').count(), 0, 'no article is shown');
  assert.equal(await page.locator('#w > p.fallback').isVisible(), true, 'the fallback shows');
  const seen = await events(page, 'w');
  assert.equal(seen.filter((e) => e.type === 'render').length, 0);
  assert.equal(seen.filter((e) => e.type === 'error').length, 1, 'one error event');
}

/** Waits for the English edition, then picks German. */
async function switchToGerman(page) {
  await page.locator('#w .byline-headline').waitFor();
  assert.equal(await page.locator('#w .byline-headline').textContent(), HEADLINES.en);
  await page.selectOption('#w select[name=language]', 'de');
}

/** A switch failed: the English article stays, the error shows inline, one error event. */
async function expectSwitchError(page, { reason, status = null, message }) {
  const error = await nextOutcome(page, 1);
  assert.equal(error.type, 'error', `expected a "${reason}" error, but the edition rendered: ${JSON.stringify(error.detail)}`);
  assert.equal(error.detail.reason, reason, `error event: ${JSON.stringify(error.detail)}`);
  assert.equal(error.detail.status, status);
  const inline = page.locator('#w .byline-error--inline[role=alert]');
  await inline.waitFor();
  assert.equal(await inline.locator('.byline-error__message').textContent(), `${EN.switchFailed} ${message}`);
  assert.equal(await page.locator('#w .byline-headline').textContent(), HEADLINES.en, 'the previous article stays');
  assert.equal(await page.locator('#w .byline-paragraph').textContent(), 'Body of the en edition.');
  assert.equal(await page.locator('#w select[name=language]').inputValue(), 'en', 'the picker shows the edition on screen');
  const seen = await events(page, 'w');
  assert.equal(seen.filter((e) => e.type === 'render').length, 1, 'only the first edition rendered');
  assert.equal(seen.filter((e) => e.type === 'error').length, 1, 'one error event');
}

/** The article in `lang` rendered, without any error. */
async function expectArticle(page, lang) {
  await page.locator('#w .byline-headline', { hasText: HEADLINES[lang] }).waitFor();
  assert.equal(await page.locator('#w .byline-headline').textContent(), HEADLINES[lang]);
  assert.equal(await page.locator('#w .byline-error').count(), 0);
  assert.equal(await page.locator('#w > p.fallback').isVisible(), false);
  assert.equal((await events(page, 'w')).filter((e) => e.type === 'error').length, 0, 'no error event');
}

/** Long enough for a wrongly scheduled retry (the first backoff is 500 ms) to have happened. */
const NO_RETRY_WINDOW_MS = 1500;

test('fault injection: retries, timeouts, dropped connections, offline, bad data, limits', async (t) => {
  // Each case closes its page, even when it fails.
  const subtest = (t, name, body) => t.test(name, () => closingContexts(body));
  await withServer(distDir, async (server) => {
    await subtest(t, '500, 500, then 200: the article renders after two retries (3 requests)', async () => {
      const { context, page, paths } = await faultPage(server, 'retry-500', {
        first: answer.sequence(answer.status(500), answer.status(500), answer.json(goodEdition('en'))),
      });
      await expectArticle(page, 'en');
      assert.equal(server.count(paths.first), 3);
      await context.close();
    });

    await subtest(t, '503 with Retry-After: 1 is retried once the server said so (2 requests)', async () => {
      const { context, page, paths } = await faultPage(server, 'retry-after', {
        first: answer.sequence(answer.status(503, { 'Retry-After': '1' }), answer.json(goodEdition('en'))),
      });
      await expectArticle(page, 'en');
      const [one, two, ...more] = server.requestsFor(paths.first);
      assert.equal(more.length, 0, '2 requests');
      // One-sided: the retry cannot come before Retry-After (1 s) however slow the machine is;
      // the default first backoff would have been 500 ms.
      assert.ok(two.at - one.at >= 950, `retried ${two.at - one.at} ms after the 503`);
      await context.close();
    });

    await subtest(t, '404 on the first load: the error shows at once, 1 request, no retry', async () => {
      const { context, page, paths } = await faultPage(server, 'http-404', { first: answer.status(404) });
      await expectFirstLoadError(page, { reason: 'http', status: 404, message: EN.http(404) });
      await page.waitForTimeout(NO_RETRY_WINDOW_MS);
      assert.equal(server.count(paths.first), 1);
      await context.close();
    });

    for (const status of [400, 403]) {
      await subtest(t, `${status} on a switch: the error shows inline, the article stays, 1 request`, async () => {
        const { context, page, paths } = await faultPage(server, `http-${status}`, { second: answer.status(status) });
        await switchToGerman(page);
        await expectSwitchError(page, { reason: 'http', status, message: EN.http(status) });
        await page.waitForTimeout(NO_RETRY_WINDOW_MS);
        assert.equal(server.count(paths.second), 1);
        await context.close();
      });
    }

    await subtest(t, 'a body trickling slower than data-timeout="1": timeout after 3 attempts', async () => {
      const { context, page, paths } = await faultPage(server, 'trickle', {
        first: answer.trickle(JSON.stringify(goodEdition('en'))),
        timeout: 1,
      });
      await expectFirstLoadError(page, { reason: 'timeout', message: EN.timeout });
      assert.equal(server.count(paths.first), 3);
      await context.close();
    });

    await subtest(t, 'a connection dropped mid-body on a switch: network error after 3 attempts', async () => {
      const { context, page, paths } = await faultPage(server, 'drop', {
        second: answer.dropMidBody(JSON.stringify(goodEdition('de'))),
      });
      await switchToGerman(page);
      await expectSwitchError(page, { reason: 'network', message: EN.network });
      assert.equal(server.count(paths.second), 3);
      await context.close();
    });

    // gloo-net turns a rejected fetch into an error only when it rejects with an `Error`, and
    // panics otherwise: every abort (before the answer, or while its body streams in) must
    // leave the widget working.
    await subtest(t, 'a switch aborted before its answer and while its body streams in: the widget stays alive', async () => {
      let held = null;
      const { context, page, paths, pageErrors } = await faultPage(server, 'abort', {
        second: answer.sequence(
          (req, res) => { held = res; return true; }, // no answer at all, until aborted
          answer.trickle(JSON.stringify(goodEdition('de'))),
          answer.json(goodEdition('de')),
        ),
      });
      const backToEnglish = async () => {
        await page.selectOption('#w select[name=language]', 'en'); // cached: aborts the German request
        await page.locator('#w .byline-headline', { hasText: HEADLINES.en }).waitFor();
      };
      await switchToGerman(page);
      await eventually(() => server.count(paths.second), 1, 'the German edition was asked for');
      await backToEnglish();
      await page.selectOption('#w select[name=language]', 'de');
      await eventually(() => server.count(paths.second), 2, 'asked for again: its body trickles');
      await page.waitForTimeout(400); // a few bytes of the body are in
      await backToEnglish();
      await page.waitForTimeout(300);
      held?.destroy();
      // Still alive: the third request answers at once and renders.
      await page.selectOption('#w select[name=language]', 'de');
      await page.locator('#w .byline-headline', { hasText: HEADLINES.de }).waitFor();
      assert.deepEqual(pageErrors, [], 'no uncaught error, no trap');
      assert.equal((await events(page, 'w')).filter((e) => e.type === 'error').length, 0, 'an abort is no error');
      await context.close();
    });

    await subtest(t, 'offline on a switch: the offline message; back online, it loads by itself', async () => {
      const { context, page, paths } = await faultPage(server, 'offline');
      await page.locator('#w .byline-headline').waitFor();
      await context.setOffline(true);
      await switchToGerman(page);
      await expectSwitchError(page, { reason: 'offline', message: EN.offline });
      assert.equal(server.count(paths.second), 0, 'nothing was requested while offline');
      await context.setOffline(false);
      // No click on "Try again": the widget retries on the window's online event.
      await page.locator('#w .byline-headline', { hasText: HEADLINES.de }).waitFor();
      assert.equal(await page.locator('#w .byline-error').count(), 0);
      assert.equal(server.count(paths.second), 1);
      assert.equal((await events(page, 'w')).filter((e) => e.type === 'render').length, 2);
      await context.close();
    });

    // Bad data: never retried, one request each.
    const badData = [
      ['malformed JSON', 'first', answer.json('{"version": 1, "headline": "cut off'), 'invalid'],
      ['malformed JSON', 'switch', answer.json('{"version": 1, "headline": "cut off'), 'invalid'],
      ['an HTML error page with status 200', 'first',
        (req, res) => (res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }), res.end('<!doctype html><h1>Oops</h1>'), true), 'content-type'],
      ['an HTML error page with status 200', 'switch',
        (req, res) => (res.writeHead(200, { 'Content-Type': 'text/html' }), res.end('<html>captive portal</html>'), true), 'content-type'],
      ['a JSON array', 'first', answer.json([goodEdition('en')]), 'invalid'],
      ['an empty object', 'first', answer.json({}), 'invalid'],
      ['an empty object', 'switch', answer.json({}), 'invalid'],
      ['no headline', 'first', answer.json((({ headline, ...rest }) => rest)(goodEdition('en'))), 'invalid'],
      ['no headline', 'switch', answer.json((({ headline, ...rest }) => rest)(goodEdition('de'))), 'invalid'],
      ['format version 2', 'first', answer.json({ ...goodEdition('en'), version: 2 }), 'invalid'],
      ['format version 2', 'switch', answer.json({ ...goodEdition('de'), version: 2 }), 'invalid'],
      ['a 5 MB body with Content-Length', 'first', answer.huge(5 * 1024 * 1024, { declared: true }), 'too-large'],
      ['a 5 MB chunked body', 'switch', answer.huge(5 * 1024 * 1024, { declared: false }), 'too-large'],
      ['a 10,000-character headline', 'first', answer.json(goodEdition('en', { headline: 'Very long headline '.repeat(527).slice(0, 10_000) })), 'invalid'],
      ['a 10,000-character headline', 'switch', answer.json(goodEdition('de', { headline: 'Sehr lange Schlagzeile '.repeat(435).slice(0, 10_000) })), 'invalid'],
    ];
    for (const [what, when, handler, reason] of badData) {
      const name = `${reason}-${when}-${what.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      await subtest(t, `${what} on ${when === 'first' ? 'the first load' : 'a switch'}: "${reason}"`, async () => {
        const { context, page, paths } = await faultPage(server, name, when === 'first' ? { first: handler } : { second: handler });
        if (when === 'first') {
          await expectFirstLoadError(page, { reason, message: EN.invalid });
          assert.equal(server.count(paths.first), 1);
        } else {
          await switchToGerman(page);
          await expectSwitchError(page, { reason, message: EN.invalid });
          assert.equal(server.count(paths.second), 1);
        }
        await context.close();
      });
    }

    await subtest(t, '1,000 related items: the article renders with 50 slides', async () => {
      const related = Array.from({ length: 1000 }, (_, i) => ({ headline: `Related story ${i + 1}`, url: `https://news.example/related/${i + 1}` }));
      const { context, page } = await faultPage(server, 'related-1000', { first: answer.json(goodEdition('en', { related })) });
      await expectArticle(page, 'en');
      await page.locator('#w .byline-carousel__slide').first().waitFor();
      assert.equal(await page.locator('#w .byline-carousel__slide').count(), 50);
      assert.deepEqual(await page.locator('#w .byline-card__headline').evaluateAll((els) => [els[0].textContent, els.at(-1).textContent]),
        ['Related story 1', 'Related story 50']);
      await context.close();
    });

    await subtest(t, 'hostile Unicode in headline and body: bidi controls and NUL removed, ZWJ kept, marks cut to 3', async () => {
      const marks = Array.from({ length: 50 }, (_, i) => String.fromCharCode(0x300 + i)).join('');
      const raw = `Safe\u202Etxt.exe \u2066iso\u2069late \u2067r\u2069 \u2068f\u2069 \u202Aem\u202C 👩\u200D💻 ক্\u200Cষ Z${marks}! a\u0000b`;
      const clean = 'Safetxt.exe isolate r f em 👩\u200D💻 ক্\u200Cষ Z\u0300\u0301\u0302! ab';
      const hostile = goodEdition('en', {
        headline: raw,
        standfirst: raw,
        body: [
          { id: 'p1', type: 'paragraph', content: [raw] },
          { id: 'p2', type: 'paragraph', content: [{ text: raw, em: true }] },
          { id: 'h1', type: 'html', html: `<p title="${raw}">${raw}</p>` },
        ],
      });
      const { context, page } = await faultPage(server, 'unicode', { first: answer.json(hostile) });
      await waitForEvents(page, 'w', 'render');
      await page.locator('#w .byline-html[data-block-id=h1] p').waitFor();
      assert.equal(await page.locator('#w .byline-headline').textContent(), clean);
      assert.equal(await page.locator('#w .byline-standfirst').textContent(), clean);
      assert.deepEqual(await page.locator('#w .byline-paragraph').allTextContents(), [clean, clean]);
      assert.equal(await page.locator('#w .byline-html[data-block-id=h1] p').textContent(), clean);
      // In an attribute, the HTML parser itself turns NUL into U+FFFD before the sanitizer sees it.
      assert.equal(await page.locator('#w .byline-html[data-block-id=h1] p').getAttribute('title'), clean.replace('ab', 'a\uFFFDb'));
      const text = await page.locator('#w').evaluate((el) => el.shadowRoot.textContent);
      assert.doesNotMatch(text, /[\u0000\u202A-\u202E\u2066-\u2069]/u, 'no bidi control or NUL anywhere in the widget');
      assert.match(text, /\u200D/u, 'the zero-width joiner is kept');
      assert.deepEqual((await events(page, 'w')).filter((e) => e.type === 'error'), []);
      await context.close();
    });
  });
});

// =============================================================================================
// 3. Panic recovery

test('a panic restarts the module: every widget comes back at its edition, without a download; a second panic within a minute falls back for good', async () => {
  const glue = await readFile(path.join(testHooksDir, 'byline-widget.js'), 'utf8').catch(() => '');
  assert.match(glue, /__testPanic/, 'target/dist-test-hooks holds the test-hooks build (make build-test-hooks)');

  await withServer(testHooksDir, async (server) => {
    const widgets = [['a', 'de', 'MX'], ['b', 'es', 'MX'], ['c', 'uk', 'UA']];
    const body = widgets.map(([id, lang, country]) => placeholder(id,
      { src: `/data/editions/${lang}-${country}.json`, lang, country, loading: 'eager' },
      `<p class="fallback">Fallback ${id}</p>`)).join('\n') + `
<button id="counter" type="button">0</button>
<script>
  document.getElementById('counter').addEventListener('click', function () { this.textContent = String(Number(this.textContent) + 1); });
</script>`;
    const url = server.page('/panic.html', hostPage({ body }));
    // c's switch to English never gets an answer until the test lets it through.
    const held = [];
    for (const name of ['en-MX', 'en-US']) {
      server.route(`/data/editions/${name}.json`, (req, res) => { held.push(res); return true; });
    }
    const { context, page, pageErrors } = await openPage(url);
    const headline = (id) => page.locator(`#${id} .byline-headline`).textContent();
    const renders = async (id) => (await events(page, id)).filter((e) => e.type === 'render');
    for (const [id] of widgets) await page.locator(`#${id} .byline-headline`).waitFor();
    await page.selectOption('#a select[name=language]', 'es');
    assert.equal((await waitForEvents(page, 'a', 'render', 2)).detail.lang, 'es');
    await page.selectOption('#c select[name=language]', 'en');
    await page.waitForFunction(() => document.getElementById('c').shadowRoot.querySelector('[aria-busy=true]'));
    while (held.length === 0) await sleep(20);
    const before = Object.fromEntries(await Promise.all(widgets.map(async ([id]) => [id, await headline(id)])));
    const shownBefore = Object.fromEntries(await Promise.all(widgets.map(async ([id]) => [id, (await renders(id)).at(-1).detail])));
    assert.equal(shownBefore.a.lang, 'es');
    assert.equal(shownBefore.c.lang, 'uk', 'c is still switching');

    // The panic happens in a callback, as a real one would: nothing of ours catches it but the
    // loader's handler for uncaught traps.
    await page.evaluate(async () => {
      const firstInstance = await import('./byline-widget.js');
      setTimeout(() => firstInstance.__testPanic(), 0);
    });

    // Each widget is told once, and comes back at the edition it showed (c without its
    // unfinished switch), with a working widget of the new instance.
    for (const [id] of widgets) {
      const restarted = await waitForEvents(page, id, 'error');
      assert.equal(restarted.detail.reason, 'panic');
      assert.equal(restarted.detail.restarted, true);
      await page.waitForFunction((id) => window.__events.filter((e) => e.id === id && e.type === 'ready').length === 2, id);
      await page.locator(`#${id} .byline-headline`).waitFor();
      assert.equal(await headline(id), before[id], `${id}: the edition it showed`);
      assert.equal((await renders(id)).at(-1).detail.url, shownBefore[id].url);
      assert.equal(await page.locator(`#${id} > p.fallback`).isVisible(), false);
      assert.equal(await page.locator(`#${id} .byline`).count(), 1, `${id}: one widget`);
    }
    assert.equal(await page.locator('#c select[name=language]').inputValue(), 'uk');
    for (const res of held) res.writeHead(200, { 'Content-Type': 'application/json' }).end(await readFile(path.join(testHooksDir, 'data/editions/en-MX.json')));
    await page.selectOption('#b select[name=language]', 'de');
    assert.equal((await waitForEvents(page, 'b', 'render', 3)).detail.lang, 'de');
    assert.equal(server.count('/byline-widget_bg.wasm'), 1, 'the compiled module was instantiated again, not downloaded');

    // A trap of the replaced instance is not a new panic.
    await page.evaluate(async () => {
      const firstInstance = await import('./byline-widget.js');
      setTimeout(() => firstInstance.__testPanic(), 0);
    });
    await sleep(500);
    for (const [id] of widgets) assert.equal((await events(page, id)).filter((e) => e.type === 'error').length, 1, `${id}: one error event`);
    assert.equal((await renders('c')).at(-1).detail.lang, 'uk', 'the held answer changed nothing');
    await page.selectOption('#a select[name=language]', 'de');
    assert.equal((await waitForEvents(page, 'a', 'render', 4)).detail.lang, 'de');
    await page.click('#counter');
    assert.equal(await page.locator('#counter').textContent(), '1');

    // A second panic within a minute, in the new instance: every widget falls back for good.
    const editionRequests = () => server.requests.filter((r) => r.path.startsWith('/data/editions/')).length;
    const requestsBefore = editionRequests();
    const readyBefore = (await events(page)).filter((e) => e.type === 'ready').length;
    assert.equal(readyBefore, 6);
    await page.evaluate(() => document.getElementById('b').dispatchEvent(new Event('byline-test-panic')));
    for (const [id] of widgets) {
      const panic = await waitForEvents(page, id, 'error', 2);
      assert.equal(panic.detail.reason, 'panic');
      assert.equal(panic.detail.restarted, false);
      assert.equal(await page.locator(`#${id} > p.fallback`).isVisible(), true, `${id}: the fallback shows`);
      assert.equal(await page.locator(`#${id} .byline`).count(), 0, `${id}: no widget remains`);
    }

    // The host page's own script still runs.
    await page.click('#counter');
    assert.equal(await page.locator('#counter').textContent(), '2');

    // What would call into the dead module if anything were still wired to it.
    await page.setViewportSize({ width: 900, height: 700 });
    await page.evaluate(() => {
      window.dispatchEvent(new Event('resize'));
      window.dispatchEvent(new Event('online'));
    });
    await context.setOffline(true);
    await context.setOffline(false);

    // Byline.load() afterwards: the module is not called again; an error event says why.
    await page.evaluate(() => window.Byline.load(document.getElementById('a')));
    const again = await waitForEvents(page, 'a', 'error', 3);
    assert.equal(again.detail.reason, 'panic');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#a > p.fallback').isVisible(), true);
    assert.equal(await page.locator('.byline-article .byline').count(), 0);
    assert.equal((await events(page)).filter((e) => e.type === 'ready').length, readyBefore, 'no widget was mounted again');
    assert.equal(editionRequests(), requestsBefore, 'nothing was fetched again');
    const errorCounts = Object.fromEntries(widgets.map(([id]) => [id, 0]));
    for (const e of await events(page)) if (e.type === 'error') errorCounts[e.id]++;
    assert.deepEqual(errorCounts, { a: 3, b: 2, c: 2 });
    await page.click('#counter');
    assert.equal(await page.locator('#counter').textContent(), '3');
    assert.ok(pageErrors.every((e) => /RuntimeError|unreachable/.test(String(e))), `only the trap itself: ${pageErrors}`);
    await context.close();
  });
});

test('two switches within one animation frame do not crash the module', async () => {
  await withServer(distDir, async (server) => {
    const { context, page, pageErrors } = await openPage(`${server.url}/`);
    const lead = '#lead-article';
    await page.locator(`${lead} .byline-headline`).waitFor();
    await page.selectOption(`${lead} select[name=language]`, 'en');
    await page.locator(`${lead} .byline-headline`, { hasText: 'Zelensky agrees with Trump' }).waitFor();
    await page.waitForTimeout(200);
    // Both editions are cached now, so each change renders at once. The second change comes
    // after the first one's effects ran but before the next frame (a fast reader on the
    // keyboard, a host script): the first related carousel is gone when its frame comes.
    await page.locator(`${lead} select[name=language]`).evaluate((select) => new Promise((resolve) => {
      const pick = (lang) => {
        select.value = lang;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      requestAnimationFrame(() => {
        pick('de');
        setTimeout(() => {
          pick('en');
          resolve();
        }, 0);
      });
    }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(300);
    const failures = (await events(page, 'lead-article')).filter((e) => e.type === 'error');
    assert.deepEqual(failures, [], 'no error event');
    assert.deepEqual(pageErrors, []);
    assert.equal(await page.locator(`${lead} .byline`).count(), 1, 'the widget is still there');
    assert.match(await page.locator(`${lead} .byline-headline`).textContent(), /^Zelensky agrees with Trump/);
    await context.close();
  });
});

/** Every common event type, as a page script or a browser extension might dispatch them. */
const STORM_EVENTS = [
  'pointerdown', 'pointerup', 'pointermove', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointercancel',
  'click', 'dblclick', 'mousedown', 'mouseup', 'mousemove', 'mouseover', 'mouseout', 'contextmenu',
  'keydown', 'keyup', 'keypress', 'focus', 'blur', 'focusin', 'focusout', 'scroll', 'wheel',
  'touchstart', 'touchmove', 'touchend', 'touchcancel', 'animationstart', 'animationiteration', 'animationend',
  'transitionrun', 'transitionstart', 'transitionend', 'transitioncancel', 'load', 'error', 'toggle', 'input', 'change',
];

/** Resolves with `promise`'s value, or with `fallback` after `ms`. */
const within = (promise, ms, fallback) => Promise.race([promise, sleep(ms).then(() => fallback)]);

/**
 * Dispatches each event type, bubbling and not, at every element of `host`'s shadow tree (SVG
 * icons included), a burst per type; after each burst the page must answer within a second.
 */
async function eventStorm(page, host) {
  for (const type of STORM_EVENTS) {
    const burst = page.evaluate(([host, type]) => {
      const root = document.querySelector(host).shadowRoot;
      let dispatched = 0;
      for (const element of root.querySelectorAll('*')) {
        for (const bubbles of [true, false]) {
          element.dispatchEvent(new Event(type, { bubbles }));
          dispatched++;
        }
      }
      return dispatched;
    }, [host, type]);
    const dispatched = await within(burst, 5000, null);
    assert.ok(dispatched > 0, `a burst of ${type} events returned`);
    assert.equal(await within(page.evaluate(() => 'answered'), 1000, 'hung'), 'answered', `the page answers after the ${type} burst`);
  }
}

/**
 * After a storm: no uncaught error or trap, and no console error but the reports of the
 * failures the state was set up with (a click on Retry is part of the storm: it fails again).
 */
function assertCalm({ pageErrors, consoleErrors }) {
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  const expected = (text) => text.startsWith('Byline: ') || text.startsWith('Failed to load resource: ');
  assert.deepEqual(consoleErrors.filter((text) => !expected(text)), [], 'no other console error');
}

test('event storm: every event type at every element of the widget, in every state; no hang, no panic', async (t) => {
  const subtest = (t, name, body) => t.test(name, () => closingContexts(body));
  await withServer(distDir, async (server) => {
    await subtest(t, 'loading', async () => {
      const held = [];
      const opened = await faultPage(server, 'storm-loading', { first: (req, res) => { held.push(res); return true; } });
      await opened.page.locator('#w .byline-waiting').waitFor({ state: 'attached' });
      await eventStorm(opened.page, '#w');
      assertCalm(opened);
      assert.equal(await opened.page.locator('#w .byline-waiting').count(), 1, 'still waiting for the article');
      held.forEach((res) => res.destroy());
      await opened.context.close();
    });
    await subtest(t, 'shown (the demo article, with its carousel and pickers)', async () => {
      const opened = await openPage(`${server.url}/`);
      await opened.page.locator('#lead-article .byline-headline').waitFor();
      await eventStorm(opened.page, '#lead-article');
      assertCalm(opened);
      assert.match(await opened.page.locator('#lead-article .byline-headline').textContent(), /^Selenskyj stimmt mit Trump/);
      await opened.context.close();
    });
    await subtest(t, 'switch failed', async () => {
      const opened = await faultPage(server, 'storm-switch', { second: answer.status(500) });
      await switchToGerman(opened.page);
      await opened.page.locator('#w .byline-error--inline').waitFor();
      await eventStorm(opened.page, '#w');
      assertCalm(opened);
      assert.equal(await opened.page.locator('#w .byline-headline').textContent(), HEADLINES.en, 'the article is still shown');
      await opened.context.close();
    });
    await subtest(t, 'first load failed', async () => {
      const opened = await faultPage(server, 'storm-first', { first: answer.status(404) });
      await opened.page.locator('#w .byline-error[role=alert]').waitFor();
      await eventStorm(opened.page, '#w');
      assertCalm(opened);
      assert.equal(await opened.page.locator('#w > p.fallback').isVisible(), true, 'the placeholder\'s content shows');
      await opened.context.close();
    });
  });
});

// =============================================================================================
// 4. Privacy

test('privacy on the demo: no cookies or storage, no third-party request, no cookie sent with articles', async () => {
  await withServer(distDir, async (server) => {
    server.route('/probe', (req, res) => (res.writeHead(204).end(), true));
    const requests = [];
    const { context, page, pageErrors } = await openPage(`${server.url}/`, {
      setup: (context) => context.on('request', (request) => requests.push(request.url())),
    });
    const lead = '#lead-article';
    await page.locator(`${lead} .byline-headline`).waitFor();
    await page.selectOption(`${lead} select[name=language]`, 'es');
    await page.locator(`${lead} .byline-headline`, { hasText: 'Zelenski acuerda con Trump' }).waitFor();
    await page.selectOption(`${lead} select[name=country]`, 'ES');
    await waitForEvents(page, 'lead-article', 'countrychange');
    await page.locator('#second-article').scrollIntoViewIfNeeded();
    await page.locator('#second-article .byline-headline').waitFor();
    // Related images come into view too (they are the page's own, bundled).
    await page.locator(`${lead} .byline-carousel__track`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);

    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((db) => db.name),
      caches: await caches.keys(),
    }));
    assert.deepEqual(stored, { cookie: '', localStorage: [], sessionStorage: [], indexedDB: [], caches: [] });

    // With a cookie for the host, the page's own requests carry it; the widget's never do.
    await context.addCookies([{ name: 'reader_session', value: 'secret', domain: '127.0.0.1', path: '/' }]);
    const since = server.requests.length;
    await page.locator(lead).scrollIntoViewIfNeeded();
    await page.selectOption(`${lead} select[name=language]`, 'uk');
    await page.locator(`${lead} .byline[lang=uk]`).waitFor();
    await page.evaluate(() => fetch('/probe').then((r) => r.status));
    const later = server.requests.slice(since);
    assert.match(later.find((r) => r.path === '/probe')?.headers.cookie ?? '', /reader_session=secret/, 'the cookie is set for the host');
    const articleRequests = later.filter((r) => r.path.startsWith('/data/editions/'));
    assert.ok(articleRequests.length >= 1, 'the switch fetched an edition');
    for (const r of articleRequests) assert.equal(r.headers.cookie, undefined, `${r.path} carries no cookie`);
    assert.equal(await page.evaluate(() => document.cookie), 'reader_session=secret', 'the widget set no cookie of its own');

    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/`) && u !== 'data:,');
    assert.deepEqual(foreign, [], 'every request goes to the page\'s own origin');
    assert.ok(requests.some((u) => u.includes('/data/img/related-')), 'the bundled related images were loaded from the origin');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

// =============================================================================================
// 5. No leaks

test('no leaks: 200 switches and 50 destroy/load cycles leave DOM, listeners and heap flat', async () => {
  await withServer(distDir, async (server) => {
    const langs = { en: 'English', de: 'Deutsch', es: 'Español' };
    const headline = (lang) => `Leak check: the ${langs[lang]} edition`;
    for (const lang of Object.keys(langs)) {
      server.json(`/leak/${lang}-US.json`, edition({
        lang,
        headline: headline(lang),
        standfirst: `Standfirst ${lang}.`,
        body: [
          ...Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, type: 'paragraph', content: [`Paragraph ${i} (${lang}) with `, { text: 'a link', href: 'https://news.example/x' }, '.'] })),
          { id: 'h1', type: 'html', html: `<p>HTML block <em>${lang}</em> with <a href="https://news.example/y">a link</a>.</p><ul><li>one</li><li>two</li></ul>` },
        ],
        editions: Object.keys(langs).map((l) => [l, 'US', `${l}-US.json`]),
        related: Array.from({ length: 6 }, (_, i) => ({ headline: `Related ${i} (${lang})`, url: `https://news.example/r/${i}`, published: '2025-07-01T10:00:00Z' })),
      }));
    }
    const url = server.page('/leak/page.html', hostPage({
      body: placeholder('w', { src: '/leak/en-US.json', lang: 'en', country: 'US', loading: 'eager' }, FALLBACK),
    }));
    const { context, page, pageErrors } = await openPage(url);
    const cdp = await context.newCDPSession(page);
    const renders = async () => (await events(page, 'w')).filter((e) => e.type === 'render').length;

    /** Waits until `lang` is on screen (or the widget failed), then for its frame to pass. */
    const shown = async (lang) => {
      await page.waitForFunction((text) =>
        document.getElementById('w').shadowRoot?.querySelector('.byline-headline')?.textContent === text ||
        window.__events.some((e) => e.type === 'error'), headline(lang));
      assert.deepEqual((await events(page, 'w')).filter((e) => e.type === 'error'), [], 'the widget did not fail');
      // The carousel measures itself in the next frame: let it, before the next action (a
      // separate test covers acting within that frame).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    };
    const switchTo = async (lang) => {
      await page.selectOption('#w select[name=language]', lang);
      await shown(lang);
    };
    const cycle = async () => {
      const before = await renders();
      await page.evaluate(() => {
        const el = document.getElementById('w');
        window.Byline.destroy(el);
        window.Byline.load(el);
      });
      await page.waitForFunction((n) => window.__events.filter((e) => e.id === 'w' && (e.type === 'render' || e.type === 'error')).length > n, before);
      await shown('en');
    };
    const measure = async () => {
      // The page clears its event log so that it does not count as growth.
      await page.evaluate(() => { window.__events.length = 0; });
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(100);
      await cdp.send('HeapProfiler.collectGarbage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(async () => (await (await import('/byline-widget.js')).default()).memory.buffer.byteLength);
      return { nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, heap: heap.usedSize, wasm };
    };

    // Warm-up: every edition fetched and cached, every code path run once, then a cycle.
    await page.locator('#w .byline-headline').waitFor();
    const SWITCHES = ['de', 'en', 'es', 'en'];
    for (let i = 0; i < 8; i++) await switchTo(SWITCHES[i % SWITCHES.length]);
    for (let i = 0; i < 3; i++) await cycle();
    for (let i = 0; i < 8; i++) await switchTo(SWITCHES[i % SWITCHES.length]);
    const baseline = await measure();

    for (let i = 0; i < 200; i++) await switchTo(SWITCHES[i % SWITCHES.length]);
    const afterSwitches = await measure();
    for (let i = 0; i < 50; i++) await cycle();
    const afterCycles = await measure();

    const report = JSON.stringify({ baseline, afterSwitches, afterCycles });
    console.log(`# leak check: ${report}`);
    const problems = [];
    for (const [when, now] of [['after 200 switches', afterSwitches], ['after 50 destroy/load cycles', afterCycles]]) {
      const growth = (key) => now[key] - baseline[key];
      if (growth('nodes') > Math.max(50, baseline.nodes * 0.05)) problems.push(`DOM nodes grew by ${growth('nodes')} ${when}`);
      if (growth('listeners') > Math.max(10, baseline.listeners * 0.05)) problems.push(`event listeners grew by ${growth('listeners')} ${when}`);
      if (growth('documents') > 2) problems.push(`documents grew by ${growth('documents')} ${when}`);
      if (growth('heap') >= 2 * 1024 * 1024) problems.push(`the JS heap grew by ${growth('heap')} bytes ${when}`);
      if (growth('wasm') > 4 * 1024 * 1024) problems.push(`wasm memory grew by ${growth('wasm')} bytes ${when}`);
    }
    assert.deepEqual(problems, [], report);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
