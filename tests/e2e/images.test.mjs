// End-to-end: article images and privacy. Tracking pixels in article HTML are never requested,
// and `data-image-hosts` (or its <meta> default) keeps images from unlisted hosts out.
//
// Needs `make build` (dist/). Third-party image hosts are answered by the browser context's
// routes (nothing leaves the machine) and every request the page makes is recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, distDir } from './harness.mjs';
import { trustServer, edition, hostPage, placeholder, EVENT_TYPES, recordEvents, waitForEvents } from './trust-fixtures.mjs';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Paragraphs enough to push what follows them well below the fold. */
const filler = (n) => Array.from({ length: n }, (_, i) => ({
  id: `f${i}`,
  type: 'paragraph',
  content: [`Filler paragraph ${i + 1}, long enough to take a few lines of the article column so that what follows sits far below the first screen.`],
}));

/**
 * A page with `body` (placeholders) and `head` served by `server`; every https image host the
 * page asks for gets a 1×1 PNG. Scrolls through the whole page so every lazy image comes into
 * view, and returns what was requested once `settled(urls)` holds.
 */
async function openAndScroll(server, { path, head = '', body, ids, settled }) {
  const url = server.page(path, hostPage({ head, body }));
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route((u) => !u.href.startsWith(`${server.url}/`), (route) =>
    route.request().resourceType() === 'image'
      ? route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1X1 })
      : route.abort());
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  await page.addInitScript(recordEvents, EVENT_TYPES);
  await page.goto(url);
  for (const id of ids) await waitForEvents(page, id, 'render');
  // Down the page a screen at a time, a few frames each, so lazy images start loading.
  await page.evaluate(async () => {
    const frames = (n) => new Promise((resolve) => {
      const step = () => (n-- > 0 ? requestAnimationFrame(step) : resolve());
      step();
    });
    const root = document.scrollingElement;
    for (let y = 0; y <= root.scrollHeight; y += innerHeight / 2) {
      root.scrollTop = y;
      await frames(3);
    }
  });
  for (let i = 0; i < 200 && !settled.every((u) => requests.includes(u)); i++) await page.waitForTimeout(50);
  assert.deepEqual(settled.filter((u) => !requests.includes(u)), [], 'the images that should load were requested');
  return { context, page, requests, pageErrors };
}

/** The `src` of every image in the widget on `id` (in its shadow root). */
const imagesIn = (page, id) => page.locator(`#${id}`).evaluate((host) =>
  [...host.shadowRoot.querySelectorAll('img')].map((img) => img.getAttribute('src')));

const hostOf = (url) => new URL(url).host;

test('a tracking pixel or a hidden image in article HTML is never requested', async () => {
  const server = await trustServer(distDir);
  try {
    const tracker = 'https://tracker.example';
    const photo = 'https://images.example/photo.png';
    const after = 'https://images.example/after.png';
    server.json('/img/pixel.json', edition({
      body: [
        ...filler(30),
        { id: 'pixel', type: 'html', html: `<p>A sentence with a pixel after it.<img src="${tracker}/pixel.gif?reader=1" width="1" height="1" alt=""></p>` },
        {
          id: 'hidden',
          type: 'html',
          html: [
            `<img src="${tracker}/display-none.png" style="display:none">`,
            `<img src="${tracker}/visibility-hidden.png" style="visibility: hidden">`,
            `<img src="${tracker}/opacity.png" style="opacity:0">`,
            `<img src="${tracker}/sized.png" style="width:1px;height:1px">`,
            `<img src="${tracker}/max-sized.png" style="max-width:0">`,
            `<img src="${tracker}/hidden-attribute.png" hidden>`,
            `<img src="${tracker}/zero.png" width="0" height="0">`,
            `<img src="${tracker}/px.png" width="1px" height="1px">`,
            `<p><img src="${photo}" alt="A photo" width="640" height="480" style="opacity:1"></p>`,
          ].join(''),
        },
        ...filler(10).map((block) => ({ ...block, id: `g-${block.id}` })),
        { id: 'after', type: 'html', html: `<p><img src="${after}" alt="" width="300" height="200"></p>` },
        { id: 'tiny-block', type: 'image', src: `${tracker}/block.png`, alt: '', width: 1, height: 1 },
      ],
      editions: [['en', 'US', 'pixel.json']],
    }));
    const { context, page, requests, pageErrors } = await openAndScroll(server, {
      path: '/img/pixel.html',
      body: placeholder('w', { src: '/img/pixel.json', lang: 'en', country: 'US', loading: 'eager' }),
      ids: ['w'],
      // The images after the pixel have loaded, so the page was scrolled past it.
      settled: [photo, after],
    });
    assert.deepEqual(requests.filter((u) => hostOf(u) === 'tracker.example'), [], 'nothing was asked of the tracker');
    assert.deepEqual(await imagesIn(page, 'w'), [photo, after], 'only the visible images are in the widget');
    const pixelBlock = await page.locator('#w .byline-html[data-block-id=pixel]').evaluate((el) => el.innerHTML);
    assert.equal(pixelBlock, '<p>A sentence with a pixel after it.</p>');
    assert.equal(await page.locator('#w [data-block-id=tiny-block]').count(), 0, 'a 1×1 image block is left out');
    assert.ok(requests.includes(photo) && requests.includes(after), 'the other images loaded (requests are being watched)');
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('data-image-hosts keeps images from listed hosts and leaves the others out, unrequested', async () => {
  const server = await trustServer(distDir);
  try {
    const images = {
      listed: 'https://images.example/listed.png',
      wildcard: 'https://a.cdn.example/wildcard.png',
      apex: 'https://cdn.example/apex.png',
      otherHtml: 'https://elsewhere.example/html.png',
      block: 'https://photos.example/block.png',
      logo: 'https://logos.example/logo.png',
      card: 'https://cards.example/card.png',
      // The page's own host and port ('self'), over https.
      self: `${server.url.replace('http:', 'https:')}/self.png`,
    };
    server.json('/img/hosts.json', edition({
      body: [
        { id: 'h', type: 'html', html: Object.entries(images).filter(([k]) => ['listed', 'wildcard', 'apex', 'otherHtml', 'self'].includes(k)).map(([k, src]) => `<p><img src="${src}" alt="${k}" width="200" height="100"></p>`).join('') },
        { id: 'b', type: 'image', src: images.block, alt: 'block', width: 800, height: 450 },
        ...filler(4),
      ],
      source: { name: 'Hosts Test Times', url: 'https://news.example/original', logo: images.logo },
      related: [{ headline: 'A related story', url: 'https://news.example/related', image: images.card }],
      editions: [['en', 'US', 'hosts.json']],
    }));
    const attrs = { src: '/img/hosts.json', lang: 'en', country: 'US', loading: 'eager' };
    const { context, page, requests, pageErrors } = await openAndScroll(server, {
      path: '/img/hosts.html',
      // The page's default allows the logos' host; each placeholder's own list replaces it.
      head: '<meta name="byline:image-hosts" content="logos.example">',
      body: [
        placeholder('listed', { ...attrs, 'image-hosts': 'images.example *.cdn.example' }),
        placeholder('photos', { ...attrs, 'image-hosts': "https://photos.example/ cards.example 'self'" }),
        placeholder('page-default', attrs),
        placeholder('none', { ...attrs, 'image-hosts': "'none'" }),
      ].join(''),
      ids: ['listed', 'photos', 'page-default', 'none'],
      settled: [images.listed, images.wildcard, images.self, images.block, images.card, images.logo],
    });
    assert.deepEqual(await imagesIn(page, 'listed'), [images.listed, images.wildcard]);
    assert.deepEqual(await imagesIn(page, 'photos'), [images.self, images.block, images.card]);
    assert.deepEqual(await imagesIn(page, 'page-default'), [images.logo], 'the <meta> default applies');
    assert.deepEqual(await imagesIn(page, 'none'), []);
    // What is left out goes whole: the figure with its caption; the card and the source stay.
    assert.equal(await page.locator('#listed [data-block-id=b]').count(), 0);
    assert.equal(await page.locator('#listed .byline-card').count(), 1);
    assert.equal(await page.locator('#listed .byline-source__name').count(), 1);
    for (const url of [images.apex, images.otherHtml]) assert.ok(!requests.includes(url), `${url} was not requested`);
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a malformed data-image-hosts is a config error naming the attribute; the placeholder stays', async () => {
  const server = await trustServer(distDir);
  try {
    server.json('/img/ok.json', edition({ editions: [['en', 'US', 'ok.json']] }));
    const url = server.page('/img/bad.html', hostPage({
      body: placeholder('bad', { src: '/img/ok.json', lang: 'en', country: 'US', loading: 'eager', 'image-hosts': 'images.example/photos' }, '<p class="fallback">Fallback</p>'),
    }));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(recordEvents, EVENT_TYPES);
    await page.goto(url);
    const error = await waitForEvents(page, 'bad', 'error');
    assert.equal(error.detail.reason, 'config');
    assert.match(error.detail.message, /data-image-hosts="images\.example\/photos" is not valid/);
    assert.equal(await page.locator('#bad > p.fallback').isVisible(), true);
    assert.equal(await page.locator('#bad .byline').count(), 0, 'no widget was mounted');
    await context.close();
  } finally {
    await server.close();
  }
});
