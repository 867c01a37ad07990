// End-to-end: embedding Byline in publishers' pages (dist/, release build) in Debian's Chromium.
//
// Every test builds its host page on the fly and serves it, the widget's assets and the article
// JSON from separate 127.0.0.1 servers (three origins), as a real embed would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { startRecordingServer, launchBrowser, distDir, artifactsDir } from './harness.mjs';

const SEED_HEADLINE = 'Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken';
const EVENT_TYPES = ['ready', 'render', 'error', 'languagechange', 'countrychange', 'resize'];

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------
// Servers

/** A recording server over dist/ (see harness.mjs). */
function recordingServer(options = {}) {
  return startRecordingServer(distDir, options);
}

/**
 * Three origins: `host` answers the pages registered with host.page(), `assets` serves the
 * widget (dist/, CORS), `data` serves the article JSON and images (dist/, under /data/, CORS).
 * `dataRoute` can hold or fail data requests, `assetsRoute` the widget's files. Closes
 * everything after `body` finishes.
 */
async function withServers(body, { dataRoute, assetsRoute } = {}) {
  const pages = new Map();
  const host = await recordingServer({
    route: (req, res, url) => {
      if (url.pathname === '/favicon.ico') return res.writeHead(204).end(), true;
      const page = pages.get(url.pathname);
      res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page?.headers });
      res.end(page ? page.html : 'not found');
      return true;
    },
  });
  host.page = (pathname, html, headers = {}) => {
    pages.set(pathname, { html, headers });
    return host.url + pathname;
  };
  const assets = await recordingServer({ cors: true, route: assetsRoute });
  const data = await recordingServer({ cors: true, route: dataRoute });
  try {
    return await body({ host, assets, data });
  } finally {
    await Promise.all([host.close(), assets.close(), data.close()]);
  }
}

/** A promise that the test resolves by hand, e.g. to hold a response. */
function gate() {
  let open;
  const promise = new Promise((resolve) => { open = resolve; });
  return { promise, open };
}

// ---------------------------------------------------------------------------------------------
// Pages

/** A host page: `head` and `body` HTML, and the loader from `assets` at the end of <body>. */
function hostPage({ assets, head = '', body, loader = `<script async src="${assets.url}/byline.js"></script>` }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host page</title>${head}</head>
<body>
${body}
${loader}
</body>
</html>`;
}

/** A placeholder div; `attrs` are data-* attributes (without the prefix). */
function placeholder(id, attrs, inner = '') {
  const data = Object.entries(attrs).map(([name, value]) => ` data-${name}="${value}"`).join('');
  return `<div class="byline-article" id="${id}"${data}>${inner}</div>`;
}

const FALLBACK = '<p class="fallback"><a href="https://example.com/original">Fallback headline</a></p>';

/** Records the widgets' CustomEvents (they bubble and are composed) in window.__events. */
function recordEvents(types) {
  window.__events = [];
  for (const type of types) {
    document.addEventListener(type, (event) => {
      if (!(event instanceof CustomEvent)) return;
      window.__events.push({ type, id: event.target && event.target.id, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
    });
  }
}

/** A fresh context and page; events are recorded, console errors and page errors collected. */
async function openPage(url, { viewport = { width: 1280, height: 900 }, reducedMotion, cookies, initScripts = [] } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion });
  context.setDefaultTimeout(15_000);
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(recordEvents, EVENT_TYPES);
  for (const script of initScripts) await page.addInitScript(script);
  await page.goto(url);
  return { context, page, consoleErrors, pageErrors };
}

/** The events recorded so far (optionally only those on the element with `id`). */
function events(page, id) {
  return page.evaluate((id) => window.__events.filter((e) => !id || e.id === id), id);
}

/** Waits for an event of `type` on `id` whose detail matches `detail` (shallowly). */
async function waitForEvent(page, id, type, detail = {}) {
  await page.waitForFunction(
    ({ id, type, detail }) =>
      window.__events.some((e) => e.id === id && e.type === type && Object.entries(detail).every(([k, v]) => e.detail && e.detail[k] === v)),
    { id, type, detail },
  );
  return (await events(page, id)).filter((e) => e.type === type).at(-1);
}

/**
 * Lets the page come to rest: fonts loaded; with `scroll`, the page scrolled through once so
 * lazy images load wherever the widget sits; `servers` (if given) with no request in flight;
 * every image in the widgets decoded unless lazy and never fetched; two frames, then `ms`.
 */
async function settle(page, { ms = 300, servers = [], scroll = false } = {}) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (scroll) {
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const root = document.scrollingElement;
      for (let y = 0; y < root.scrollHeight; y += innerHeight / 2) {
        root.scrollTop = y;
        await frame();
      }
      root.scrollTop = 0;
      await frame();
    });
  }
  for (let quiet = 0; quiet < 3;) {
    await page.waitForTimeout(100);
    quiet = servers.every((s) => s.inFlight() === 0) ? quiet + 1 : 0;
  }
  const widgetImages = () =>
    [...document.querySelectorAll('.byline-article')].flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img') ?? [])]);
  await page.waitForFunction(`(${widgetImages})().every((img) =>
    img.complete || (img.loading === 'lazy' && performance.getEntriesByName(img.currentSrc || img.src).length === 0))`);
  await page.evaluate(`Promise.all((${widgetImages})().filter((img) => img.complete).map((img) => img.decode().catch(() => {})))
    .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))`);
  await page.waitForTimeout(ms);
}

/** Pixels of two same-sized PNGs whose channels differ by more than `tolerance`. */
function differingPixels(a, b, tolerance = 24) {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c] - b.data[i + c]) > tolerance) {
        count++;
        break;
      }
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Tests

test('cross-origin: host, assets and JSON on three origins; no cookies, referrer cut to the origin', async () => {
  await withServers(async ({ host, assets, data }) => {
    // The page itself would send its full URL as the referrer: only the widget's fetch can cut it.
    const url = host.page('/cross-origin', hostPage({
      assets,
      head: '<meta name="referrer" content="unsafe-url">',
      body: placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', loading: 'eager' }) +
        `<img alt="" src="${data.url}/data/img/related-01.svg?probe" width="1" height="1">`,
    }));
    // Cookies are per host, not per port: this one would go to the JSON origin with credentials.
    const { context, page, pageErrors } = await openPage(`${url}?reader=42`, {
      cookies: [{ name: 'reader_session', value: 'secret', domain: '127.0.0.1', path: '/' }],
    });
    await page.locator('#w .byline-headline').waitFor();
    assert.equal(await page.locator('#w .byline-headline').textContent(), SEED_HEADLINE);

    assert.match(host.requests[0].headers.cookie ?? '', /reader_session=secret/, 'the cookie is set for 127.0.0.1');
    const probe = data.requests.find((r) => r.query === '?probe');
    assert.equal(probe?.headers.referer, `${url}?reader=42`, 'the page\'s own requests send the full URL');
    const json = data.requests.filter((r) => r.path.endsWith('.json'));
    assert.deepEqual(json.map((r) => r.path), ['/data/editions/de-MX.json']);
    for (const { headers } of json) {
      assert.equal(headers.cookie, undefined, 'the article request carries no cookie');
      const referer = headers.referer;
      assert.ok(referer === undefined || referer === `${host.url}/`, `Referer is at most the origin, got ${referer}`);
    }
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

/** Counts how the page compiles WebAssembly: streaming (from the response) or from bytes. */
function countWasmCompiles() {
  window.__wasm = { streaming: 0, bytes: 0 };
  const { instantiateStreaming, compileStreaming, instantiate, compile } = WebAssembly;
  for (const [name, original] of [['instantiateStreaming', instantiateStreaming], ['compileStreaming', compileStreaming]]) {
    WebAssembly[name] = function (...args) {
      window.__wasm.streaming++;
      return original.apply(this, args);
    };
  }
  WebAssembly.instantiate = function (source, ...rest) {
    if (!(source instanceof WebAssembly.Module)) window.__wasm.bytes++;
    return instantiate.call(this, source, ...rest);
  };
  WebAssembly.compile = function (...args) {
    window.__wasm.bytes++;
    return compile.apply(this, args);
  };
}

test('the article request starts while the wasm downloads, once; the wasm compiles as it streams in', async () => {
  const edition = gate();
  let wasmWaitedForEdition = null;
  await withServers(async ({ host, assets, data }) => {
    const url = host.page('/prefetch', hostPage({
      assets,
      body: placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', loading: 'eager' }),
    }));
    const { context, page, pageErrors } = await openPage(url, { initScripts: [countWasmCompiles] });
    await page.locator('#w .byline-headline').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__wasm), { streaming: 1, bytes: 0 });
    assert.equal(wasmWaitedForEdition, true, 'the edition was requested before the wasm was served');
    assert.equal(data.count('/data/editions/de-MX.json'), 1, 'and only once');
    assert.equal(assets.count('/byline-widget_bg.wasm'), 1);
    // A switch is the widget's own request, as before.
    await page.selectOption('#w select[name=language]', 'es');
    await page.locator('#w .byline-headline', { hasText: 'Zelenski acuerda' }).waitFor();
    assert.equal(data.count('/data/editions/es-MX.json'), 1);
    assert.deepEqual(pageErrors, []);
    await context.close();
  }, {
    dataRoute: (req, res, url) => {
      if (url.pathname === '/data/editions/de-MX.json') edition.open();
      return false;
    },
    // The wasm is held until the edition request arrives (or 5 s pass: then the test fails).
    assetsRoute: async (req, res, url) => {
      if (url.pathname !== '/byline-widget_bg.wasm') return false;
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000, false));
      wasmWaitedForEdition = await Promise.race([edition.promise.then(() => true), timeout]);
      return false;
    },
  });
});

test('three instances in different languages render and switch independently; wasm and glue load once', async () => {
  await withServers(async ({ host, assets, data }) => {
    const edition = (lang, country) => ({ src: `${data.url}/data/editions/${lang}-${country}.json`, lang, country, loading: 'eager' });
    const url = host.page('/three', hostPage({
      assets,
      body: [placeholder('a', edition('de', 'MX')), placeholder('b', edition('es', 'MX')), placeholder('c', edition('uk', 'UA'))].join('\n'),
    }));
    const { context, page } = await openPage(url);
    const headline = (id) => page.locator(`#${id} .byline-headline`);
    const expected = {
      a: SEED_HEADLINE,
      b: 'Zelenski acuerda con Trump reforzar la defensa aérea de Ucrania',
      c: 'Зеленський домовився з Трампом посилити протиповітряну оборону України',
    };
    for (const [id, text] of Object.entries(expected)) {
      await headline(id).waitFor();
      assert.equal(await headline(id).textContent(), text);
    }
    const langs = () => page.locator('.byline-article .byline').evaluateAll((els) => els.map((el) => el.lang));
    assert.deepEqual(await langs(), ['de', 'es', 'uk']);

    await page.selectOption('#a select[name=language]', 'en');
    await page.locator('#a .byline-headline', { hasText: 'Zelensky agrees with Trump' }).waitFor();
    assert.deepEqual(await langs(), ['en', 'es', 'uk']);
    assert.equal(await headline('b').textContent(), expected.b);
    assert.equal(await headline('c').textContent(), expected.c);
    assert.equal(await page.locator('#b select[name=language]').inputValue(), 'es');
    assert.equal(await page.locator('#c select[name=language]').inputValue(), 'uk');
    assert.deepEqual((await events(page)).filter((e) => e.type === 'languagechange').map((e) => e.id), ['a']);

    assert.equal(assets.count('/byline-widget_bg.wasm'), 1, 'the wasm module is fetched once');
    assert.equal(assets.count('/byline-widget.js'), 1, 'the glue is fetched once');
    await context.close();
  });
});

test('a hostile host stylesheet changes nothing in the widget, and the widget changes nothing outside', async () => {
  const HOSTILE = `
    * { all: unset !important }
    div { display: none !important }
    html { font-size: 64px !important }
    * { font-size: 40px !important; line-height: 3 !important; color: red !important; font-family: cursive !important;
        letter-spacing: 3px !important; text-decoration: underline !important; text-transform: uppercase !important; }
    body { margin: 0 }`;
  const PAGE_STYLE = 'body { margin: 0; font-family: serif; color: rgb(20, 40, 60) }';
  const AFTER = '<p class="after">After</p>';
  await withServers(async ({ host, assets, data }) => {
    const widget = placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', loading: 'eager' });
    const plainUrl = host.page('/plain', hostPage({ assets, head: `<style>${PAGE_STYLE}</style>`, body: `${widget}\n${AFTER}` }));
    const hostileUrl = host.page('/hostile', hostPage({ assets, head: `<style>${HOSTILE}</style>`, body: `${widget}\n${AFTER}` }));
    const withoutUrl = host.page('/without', hostPage({ assets, head: `<style>${PAGE_STYLE}</style>`, body: AFTER, loader: '' }));
    const options = { viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' };

    const shots = {};
    const afterStyles = {};
    for (const [name, url] of [['plain', plainUrl], ['hostile', hostileUrl]]) {
      const { context, page } = await openPage(url, options);
      await page.locator('#w .byline-headline').waitFor();
      await waitForEvent(page, 'w', 'render');
      await settle(page, { servers: [data], scroll: true });
      const file = path.join(artifactsDir, `embed-${name}.png`);
      shots[name] = PNG.sync.read(await page.locator('#w').screenshot({ path: file, animations: 'disabled' }));
      afterStyles[name] = await computedStyle(page, '.after');
      await context.close();
    }
    const { context, page } = await openPage(withoutUrl, options);
    const withoutWidget = await computedStyle(page, '.after');
    await context.close();

    const { plain, hostile } = shots;
    assert.deepEqual([hostile.width, hostile.height], [plain.width, plain.height], 'the widget has the same size on both pages');
    const differing = differingPixels(plain, hostile);
    const share = differing / (plain.width * plain.height);
    await writeFile(path.join(artifactsDir, 'embed-hostile-diff.json'),
      JSON.stringify({ width: plain.width, height: plain.height, differing, share }, null, 2) + '\n');
    assert.ok(share < 0.005, `${differing} pixels (${(share * 100).toFixed(2)}%) differ under the hostile stylesheet`);

    assert.deepEqual(afterStyles.plain, withoutWidget, 'the widget\'s CSS does not reach the host page');
  });
});

/** The computed styles of the first element matching `selector` that a leak would change. */
function computedStyle(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, margin: s.margin, lineHeight: s.lineHeight, boxSizing: s.boxSizing };
  });
}

test('the placeholder\'s own content shows while loading, hides after render, and shows again on failure', async () => {
  const hold = gate();
  let held = 0;
  await withServers(async ({ host, assets, data }) => {
    const body = placeholder('slow', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', loading: 'eager' }, FALLBACK);
    const { context, page } = await openPage(host.page('/fallback', hostPage({ assets, body })));
    const fallback = page.locator('#slow > p.fallback');
    await page.locator('#slow .byline-waiting').waitFor();
    assert.equal(held, 1, 'the article request is being held');
    assert.equal(await fallback.isVisible(), true, 'the fallback shows while the article loads');
    assert.equal(await page.locator('#slow .byline-headline').count(), 0);
    hold.open();
    await page.locator('#slow .byline-headline').waitFor();
    assert.equal(await fallback.count(), 1, 'the fallback stays in the DOM');
    assert.equal(await fallback.isVisible(), false, 'the fallback is hidden once the article renders');
    await context.close();
  }, {
    dataRoute: async (req, res, url) => {
      if (url.pathname === '/data/editions/de-MX.json') {
        held++;
        await hold.promise;
      }
      return false;
    },
  });

  await withServers(async ({ host, assets, data }) => {
    const body = placeholder('broken', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', loading: 'eager' }, FALLBACK);
    const { context, page } = await openPage(host.page('/failing', hostPage({ assets, body })));
    const error = await waitForEvent(page, 'broken', 'error');
    assert.equal(error.detail.reason, 'http');
    assert.equal(error.detail.status, 500);
    await page.locator('#broken .byline-error[role=alert]').waitFor();
    assert.equal(await page.locator('#broken > p.fallback').isVisible(), true, 'the fallback shows again after the failure');
    await context.close();
  }, {
    dataRoute: (req, res, url) => {
      if (url.pathname !== '/data/editions/de-MX.json') return false;
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('boom');
      return true;
    },
  });
});

/** Sums layout shifts without recent input into window.__cls (entries in window.__shifts). */
function observeLayoutShifts() {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push({
        value: entry.value,
        sources: (entry.sources || []).map((s) => ({
          node: s.node ? `${s.node.nodeName}${s.node.id ? '#' + s.node.id : ''}.${s.node.className || ''}` : null,
          from: [s.previousRect.y, s.previousRect.height],
          to: [s.currentRect.y, s.currentRect.height],
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

test('the demo page loads without layout shift', async () => {
  const server = await recordingServer();
  try {
    const { context, page } = await openPage(`${server.url}/`, { initScripts: [observeLayoutShifts] });
    await page.locator('#lead-article .byline-headline').waitFor();
    await settle(page, { ms: 1000, servers: [server] });
    const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
    assert.equal(cls, 0, `layout shifts: ${JSON.stringify(shifts)}`);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a reader who jumps straight to a lazy placeholder sees no layout shift (anchor link, scrollIntoView)', async (t) => {
  await withServers(async ({ host, assets, data }) => {
    const text = (where) => Array.from({ length: 40 }, (_, i) =>
      `<p>${where} the widget: paragraph ${i + 1} of a host page that reserves no space for it.</p>`).join('\n');
    const jumps = {
      'an anchor link': (page) => page.evaluate(() => { location.hash = '#jump'; }),
      scrollIntoView: (page) => page.evaluate(() => document.getElementById('jump').scrollIntoView()),
    };
    const placeholders = { 'an empty placeholder': '', 'a placeholder with its own content': FALLBACK };
    let n = 0;
    for (const [how, jump] of Object.entries(jumps)) {
      for (const [what, inner] of Object.entries(placeholders)) {
        await t.test(`${how}, ${what}`, async () => {
          const body = `${text('Before')}
${placeholder('jump', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX' }, inner)}
${text('After')}`;
          const { context, page } = await openPage(host.page(`/jump-${n++}`, hostPage({ assets, body })), { initScripts: [observeLayoutShifts] });
          await page.waitForFunction(() => window.Byline && window.Byline.version);
          assert.equal(await page.locator('#jump .byline').count(), 0, 'not mounted before the jump');
          await jump(page);
          await waitForEvent(page, 'jump', 'render');
          await settle(page, { servers: [assets, data] });
          const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
          assert.equal(cls, 0, `layout shifts: ${JSON.stringify(shifts)}`);
          const top = await page.locator('#jump').evaluate((el) => el.getBoundingClientRect().top);
          assert.ok(Math.abs(top) <= 1, `the reader landed on the widget (its top at ${top}px)`);
          await context.close();
        });
      }
    }
  });
});

test('placeholders are lazy by default: the second article loads only when scrolled near', async () => {
  const server = await recordingServer();
  try {
    const { context, page } = await openPage(`${server.url}/`);
    await page.locator('#lead-article .byline-headline').waitFor();
    await settle(page, { ms: 500, servers: [server] });
    const second = page.locator('#second-article');
    const { y: top } = await second.boundingBox();
    assert.ok(top > 900 + 400, `the second placeholder starts ${top}px down, beyond the viewport and the 400px margin`);
    assert.equal(server.count('/data/editions/en-US.json'), 0, 'not requested before it is near');
    assert.equal(await page.locator('#second-article .byline').count(), 0);

    await second.scrollIntoViewIfNeeded();
    await page.locator('#second-article .byline-headline', { hasText: 'Zelensky' }).waitFor();
    assert.equal(server.count('/data/editions/en-US.json'), 1);
    await context.close();
  } finally {
    await server.close();
  }
});

test('JS API and events: pre-load queue, ready/render, language/country changes, resize, destroy and load', async () => {
  await withServers(async ({ host, assets, data }) => {
    const body = `
${placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX' }, FALLBACK)}
<script>
  window.seen = [];
  var el = document.getElementById('w');
  ${JSON.stringify(EVENT_TYPES)}.forEach(function (type) {
    el.addEventListener(type, function (event) { seen.push({ type: type, detail: event.detail }); });
  });
  window.byline = window.byline || [];
  byline.push(['load', el]);
  byline.push(function (api) { window.queuedCallbackGot = api && api.version; });
</script>`;
    const { context, page, consoleErrors, pageErrors } = await openPage(host.page('/api', hostPage({ assets, body })));
    const seen = () => page.evaluate(() => window.seen.map((e) => ({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) })));
    const waitForSeen = (type, detail = {}) =>
      page.waitForFunction(
        ({ type, detail }) => window.seen.some((e) => e.type === type && Object.entries(detail).every(([k, v]) => e.detail[k] === v)),
        { type, detail },
      );

    await page.locator('#w .byline-headline').waitFor();
    await waitForSeen('render');
    assert.equal(typeof (await page.evaluate(() => window.queuedCallbackGot)), 'string', 'a queued function runs with the API');
    let types = (await seen()).map((e) => e.type);
    assert.equal(types.filter((t) => t === 'ready').length, 1);
    assert.ok(types.indexOf('ready') < types.indexOf('render'), `ready comes before render: ${types}`);
    const render = (await seen()).find((e) => e.type === 'render');
    assert.deepEqual({ lang: render.detail.lang, country: render.detail.country }, { lang: 'de', country: 'MX' });

    await page.selectOption('#w select[name=language]', 'es');
    await waitForSeen('languagechange', { lang: 'es' });
    await page.selectOption('#w select[name=country]', 'US');
    await waitForSeen('countrychange', { country: 'US' });
    const resize = (await seen()).find((e) => e.type === 'resize');
    assert.ok(resize, 'a resize event arrived');
    assert.equal(typeof resize.detail.height, 'number');
    assert.ok(resize.detail.height > 0, `resize height ${resize.detail.height}`);

    await page.evaluate(() => window.Byline.destroy(document.getElementById('w')));
    assert.equal(await page.locator('#w .byline').count(), 0, 'destroy removes the widget');
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot?.querySelector('.byline-root') ?? null), null);
    // Asserted at the end, so that a failure here does not hide whether load() works again.
    const fallbackAfterDestroy = await page.locator('#w > p.fallback').isVisible();

    await page.evaluate(() => window.Byline.load(document.getElementById('w')));
    await page.locator('#w .byline-headline').waitFor();
    assert.equal(await page.locator('#w .byline-headline').textContent(), SEED_HEADLINE);
    assert.equal(await page.locator('#w .byline').count(), 1);
    types = (await seen()).map((e) => e.type);
    assert.equal(types.filter((t) => t === 'ready').length, 2, 'load after destroy mounts a new widget');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    assert.equal(fallbackAfterDestroy, true, 'the fallback shows again after destroy');
    await context.close();
  });
});

test('a host listener may drive the widget from inside its events (a cached switch re-enters it)', async () => {
  await withServers(async ({ host, assets, data }) => {
    // On the widget's own languagechange, this page picks Spain at once, from inside the event.
    const body = `
${placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX' }, FALLBACK)}
<script>
  document.getElementById('w').addEventListener('languagechange', function (event) {
    if (!window.followWithSpain || event.detail.lang !== 'es') return;
    var country = event.target.shadowRoot.querySelector('select[name=country]');
    country.value = 'ES';
    country.dispatchEvent(new Event('change', { bubbles: true }));
  });
</script>`;
    const { context, page, consoleErrors, pageErrors } = await openPage(host.page('/reenter', hostPage({ assets, body })));
    const select = (name, value) => page.selectOption(`#w select[name=${name}]`, value);
    await page.locator('#w .byline-headline').waitFor();
    await select('language', 'es');
    await page.locator('#w .byline[lang=es]').waitFor();
    await select('language', 'de');
    await page.locator('#w .byline[lang=de]').waitFor();
    // Spanish is cached now: choosing it shows it, and emits languagechange, synchronously,
    // while the widget is still handling the reader's change.
    await page.evaluate(() => { window.followWithSpain = true; });
    await select('language', 'es');
    // Spain's edition is fetched, not cached: its countrychange comes once it has rendered.
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'countrychange'));
    await page.locator('#w .byline[aria-busy=false]').waitFor();
    assert.equal(await page.locator('#w select[name=country]').inputValue(), 'ES');
    assert.equal(await page.locator('#w select[name=language]').inputValue(), 'es');
    const countries = await page.evaluate(() => window.__events.filter((e) => e.type === 'countrychange').map((e) => e.detail.country));
    assert.deepEqual(countries, ['ES']);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});

/** Collects securitypolicyviolation events (blockedURI, violatedDirective) in window.__violations. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({ blockedURI: event.blockedURI, violatedDirective: event.violatedDirective, sample: event.sample });
  }, true);
}

/**
 * A page under a strict CSP with Trusted Types; the loader is trusted by nonce only.
 * connect-src lists the widget origin too: the loader fetches the wasm module from there (as
 * docs/publisher-guide.md requires); the article JSON comes from the data origin.
 */
function strictCspPage({ host, assets, data, wasm }) {
  const nonce = 'bylinetestnonce' + Math.random().toString(36).slice(2);
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    `connect-src ${assets.url} ${data.url}`,
    `img-src ${data.url}`,
    `style-src 'self' ${assets.url}`,
    "require-trusted-types-for 'script'",
    'trusted-types byline',
  ].join('; ');
  const html = hostPage({
    assets,
    body: placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', loading: 'eager' }, FALLBACK),
    loader: `<script async nonce="${nonce}" src="${assets.url}/byline.js"></script>`,
  });
  return host.page(wasm ? '/csp' : '/csp-no-wasm', html, { 'Content-Security-Policy': csp });
}

test('strict CSP with Trusted Types: the article renders without a violation', async () => {
  await withServers(async ({ host, assets, data }) => {
    const url = strictCspPage({ host, assets, data, wasm: true });
    const { context, page, consoleErrors } = await openPage(url, { initScripts: [recordViolations] });
    const rendered = await page.locator('#w .byline-headline').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    await settle(page);
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], `CSP violations (console: ${JSON.stringify(consoleErrors)})`);
    assert.ok(rendered, `the article renders (events: ${JSON.stringify(await events(page, 'w'))}; console: ${JSON.stringify(consoleErrors)})`);
    assert.equal(await page.locator('#w .byline-headline').textContent(), SEED_HEADLINE);
    await context.close();
  });
});

test('without \'wasm-unsafe-eval\' the fallback stays, an error event says "wasm", one console error explains', async () => {
  await withServers(async ({ host, assets, data }) => {
    const url = strictCspPage({ host, assets, data, wasm: false });
    const { context, page, consoleErrors } = await openPage(url);
    const error = await waitForEvent(page, 'w', 'error');
    assert.equal(error.detail.reason, 'wasm');
    await settle(page);
    assert.equal(await page.locator('#w > p.fallback').isVisible(), true, 'the fallback stays visible');
    assert.equal(await page.locator('#w .byline').count(), 0);
    const explaining = consoleErrors.filter((text) => text.includes('wasm-unsafe-eval'));
    assert.equal(explaining.length, 1, `console errors: ${JSON.stringify(consoleErrors)}`);
    await context.close();
  });
});

test('iframe mode: the frame renders, follows the article\'s height, and ignores forged messages', async () => {
  await withServers(async ({ host, assets, data }) => {
    const body = placeholder('w', { src: `${data.url}/data/editions/de-MX.json`, lang: 'de', country: 'MX', mode: 'iframe', loading: 'eager' }, FALLBACK);
    const { context, page, pageErrors } = await openPage(host.page('/iframe', hostPage({ assets, body })));
    const frameElement = page.locator('#w iframe');
    await frameElement.waitFor();
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('iframe') !== null), true);
    const render = await waitForEvent(page, 'w', 'render');
    assert.equal(render.detail.lang, 'de');

    const frameHeight = () => frameElement.evaluate((el) => el.getBoundingClientRect().height);
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('iframe').getBoundingClientRect().height > 1000);
    const frame = page.frames().find((f) => f.url().startsWith(`${assets.url}/frame.html`));
    assert.ok(frame, 'the frame comes from the widget origin');
    await frame.locator('.byline-headline').waitFor();
    assert.equal(await frame.locator('.byline-headline').textContent(), SEED_HEADLINE);
    // The frame follows the article's height (once the last resize message has arrived).
    await settle(page);
    const articleHeight = await frame.locator('.byline-article').evaluate((el) => el.shadowRoot.querySelector('.byline-root').getBoundingClientRect().height);
    const height = await frameHeight();
    assert.ok(Math.abs(height - Math.ceil(articleHeight)) <= 1, `frame ${height}px, article ${articleHeight}px`);

    // A message from the host page itself (not the frame) must not resize the frame.
    await page.evaluate(() => new Promise((resolve) => {
      window.addEventListener('message', function done(event) {
        if (event.data !== 'byline-test:after-forgery') return;
        window.removeEventListener('message', done);
        resolve();
      });
      window.postMessage({ type: 'byline:resize', detail: { height: 5 } }, '*');
      window.postMessage('byline-test:after-forgery', '*');
    }));
    assert.equal(await frameHeight(), height, 'a forged resize message is ignored');
    assert.equal((await events(page, 'w')).some((e) => e.type === 'resize' && e.detail.height === 5), false);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
