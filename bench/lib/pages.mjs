// The host pages the bench loads, and the probes that run inside them.
//
// A page is /page?impl=byline|vanilla|none&n=N: a small article page with N placeholders
// (all data-loading="eager": the vanilla baseline has no lazy mode, so both mount at once),
// text above and below (so a widget that outgrows its place shifts it: CLS), and a tiny
// script at the end of <body> that records t0 = performance.now() and inserts the loader
// <script>. The page reserves 70em per placeholder, as docs/publisher-guide.md recommends.

/** Where each implementation's entry script is served (see run.mjs mounts). */
export const ENTRY_SCRIPTS = {
  byline: '/byline/byline.js',
  vanilla: '/vanilla/vanilla.js',
};

/** Byline's glue module: the page imports it again to read the shared wasm memory. */
export const BYLINE_GLUE = '/byline/byline-widget.js';

/** Byline's wasm module (the cold-path breakdown reads its Resource Timing). */
export const BYLINE_WASM = '/byline/byline-widget_bg.wasm';

export const ARTICLE = '/data/editions/de-MX.json';

const FALLBACK = '<p class="fallback"><a href="https://expansion.mx/mundo/2025/07/04/zelenski-acuerda-con-trump-reforzar-defensa-aerea-de-ucrania">Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken</a> (Expansión)</p>';
const FILLER = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Integer nec odio. Praesent libero. Sed cursus ante dapibus diam. Sed nisi. Nulla quis sem at nibh elementum imperdiet. Duis sagittis ipsum. Praesent mauris.</p>';

/** The HTML for a /page URL, or null. */
export function hostPage(url) {
  if (url.pathname !== '/page') return null;
  const impl = url.searchParams.get('impl') ?? 'none';
  const n = Number(url.searchParams.get('n') ?? 1);
  const placeholder = `<div class="byline-article" data-src="${ARTICLE}" data-lang="de" data-country="MX" data-loading="eager">${FALLBACK}</div>`;
  const start = ENTRY_SCRIPTS[impl] ? `<script>__bench.insert(${JSON.stringify(ENTRY_SCRIPTS[impl])})</script>` : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Byline bench: ${impl} × ${n}</title>
<link rel="icon" href="data:,">
<style>body{margin:0;font:16px/1.5 Georgia,serif;color:#222}main{max-width:760px;margin:0 auto;padding:16px}
.byline-article{display:block;min-height:70em}</style>
<script>(${instrument})()</script>
</head>
<body>
<main>
<h1>Der Morgenbote</h1>
${FILLER}
${Array.from({ length: n }, () => placeholder).join('\n')}
${FILLER.repeat(4)}
</main>
${start}
</body>
</html>`;
}

/**
 * Runs first in every page (inline in <head>). Sets up window.__bench:
 *   insert(src)   records t0 (ms after navigation start) and appends the loader <script>
 *   dom[], painted[]  ms after t0 at which each widget's headline entered the DOM, and the
 *                 first task after the next animation frame (the frame that paints it)
 *   paragraphDom[], paragraph[]  the same for the first body paragraph (.byline-paragraph),
 *                 painted meaning: the first frame in which it is visible (checkVisibility,
 *                 with opacity and visibility, and a non-empty box)
 *   attached[]    ms after t0 at which each shadow root was attached
 *   ready[], render[]  ms after t0 of every `ready` and `render` event (Byline's, on the
 *                 placeholder; the vanilla baseline sends none)
 *   longtasks[]   main-thread tasks ≥ 50 ms (PerformanceObserver 'longtask', buffered)
 *   cls           cumulative layout shift (PerformanceObserver 'layout-shift', buffered)
 * Headlines live in shadow roots, which a MutationObserver on the document does not see into,
 * so attachShadow is wrapped to put an observer on every new shadow root, for both widgets.
 */
function instrument() {
  const bench = (window.__bench = {
    t0: NaN, dom: [], painted: [], paragraphDom: [], paragraph: [], attached: [], ready: [], render: [], longtasks: [], cls: 0,
  });
  const since = () => performance.now() - bench.t0;

  // whenPainted(n): resolves with a copy of the record once n headlines are painted.
  const waiters = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) {
      if (bench.painted.length >= waiter.count) waiter.resolve(window.__benchState());
      else waiters.push(waiter);
    }
  };
  bench.whenPainted = (count) => new Promise((resolve) => {
    waiters.push({ count, resolve });
    wake();
  });
  window.__benchState = () => JSON.parse(JSON.stringify({ t0: bench.t0, dom: bench.dom, painted: bench.painted, longtasks: bench.longtasks, cls: bench.cls }));

  /** Resolves with performance.now() in the first task after the next frame. */
  const afterPaint = (window.__afterPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  }));

  /** Like afterPaint, after the first frame in which `element` is visible (tried for 10 s). */
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const afterVisible = (element, frames = 600) => new Promise((resolve) => {
    requestAnimationFrame(() => {
      if (!visible(element) && frames > 0) return afterVisible(element, frames - 1).then(resolve);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(visible(element) ? performance.now() : NaN);
      channel.port2.postMessage(null);
    });
  });

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  for (const name of ['ready', 'render']) document.addEventListener(name, () => bench[name].push(since()), true);

  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    bench.attached.push(since());
    let headline = false;
    let paragraph = null;
    const observer = new MutationObserver(() => {
      if (!headline && root.querySelector('.byline-headline')) {
        headline = true;
        bench.dom.push(since());
        afterPaint().then((painted) => {
          bench.painted.push(painted - bench.t0);
          wake();
        });
      }
      if (!paragraph && (paragraph = root.querySelector('.byline-paragraph'))) {
        bench.paragraphDom.push(since());
        afterVisible(paragraph).then((painted) => bench.paragraph.push(painted - bench.t0));
      }
      if (headline && paragraph) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };

  bench.insert = (src) => {
    bench.t0 = performance.now();
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  };
}

// ---------------------------------------------------------------------------------------------
// Probes run in the page (measure.mjs inPage: the raw CDP session), so they must be
// self-contained; what they return travels as JSON.

/**
 * Switches the first widget's language picker to `lang` like a reader (a change event on the
 * select) and resolves with { dom, painted } in ms: until the headline text changed, and until
 * the first task after the frame that paints it.
 */
export async function switchLanguageProbe(lang) {
  const root = document.querySelector('.byline-article').shadowRoot;
  const headline = () => root.querySelector('.byline-headline')?.textContent ?? '';
  const select = root.querySelector('select[name=language]');
  if (!select) throw new Error('no language picker');
  if (![...select.options].some((o) => o.value === lang)) throw new Error(`no language ${lang} in the picker`);
  const before = headline();
  const changed = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`headline did not change after switching to ${lang}`)), 15000);
    const observer = new MutationObserver(() => {
      if (headline() === before) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
  const t0 = performance.now();
  select.value = lang;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const dom = await changed;
  const painted = await window.__afterPaint();
  return { dom: dom - t0, painted: painted - t0 };
}

/**
 * Clicks the carousel's next arrow and resolves with { index, ms }: the new first visible
 * slide and the time until it changed (checked right after the click and then every frame),
 * plus the wait for the frame that paints it. Scrolling is instant under reduced motion.
 */
export async function carouselStepProbe() {
  const root = document.querySelector('.byline-article').shadowRoot;
  const track = root.querySelector('.byline-carousel__track');
  const next = root.querySelector('.byline-carousel__next');
  if (!track || !next) throw new Error('no carousel');
  const firstVisible = () => {
    const left = track.getBoundingClientRect().left;
    return [...track.children].findIndex((slide) => slide.getBoundingClientRect().left >= left - 1);
  };
  const before = firstVisible();
  const t0 = performance.now();
  next.click();
  for (let frames = 0; firstVisible() === before; frames++) {
    if (frames > 120) throw new Error('the first visible slide did not change after clicking next');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const painted = await window.__afterPaint();
  return { index: firstVisible(), from: before, ms: painted - t0 };
}

/** A copy of the page's __bench record. */
export function benchState() {
  return window.__benchState();
}

/** Resolves with benchState() once `count` headlines are painted (no polling). */
export function whenPaintedProbe(count) {
  return window.__bench.whenPainted(count);
}

/**
 * The cold path of the page's first widget, in ms after navigation start (performance's time
 * origin): t0, the loader's `byline:` marks, Resource Timing (startTime, responseEnd) of the
 * files whose paths end as `files` says, and the widget's milestones. NaN for what did not
 * happen (the vanilla baseline has no marks, no glue, no wasm, no events).
 */
export function criticalPathProbe(files) {
  const b = window.__bench;
  const at = (list) => (list.length > 0 ? b.t0 + list[0] : NaN);
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('byline:') && !(m.name in marks)) marks[m.name] = m.startTime;
  const resources = {};
  for (const [key, suffix] of Object.entries(files)) {
    const entry = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname.endsWith(suffix));
    resources[key] = entry ? { start: entry.startTime, end: entry.responseEnd } : { start: NaN, end: NaN };
  }
  return {
    t0: b.t0,
    marks,
    resources,
    attached: at(b.attached),
    ready: at(b.ready),
    render: at(b.render),
    headlineDom: at(b.dom),
    headline: at(b.painted),
    paragraphDom: at(b.paragraphDom),
    paragraph: at(b.paragraph),
  };
}

/** Byline's wasm linear memory in bytes: init() again returns the module's cached exports. */
export async function wasmMemoryProbe(glueUrl) {
  const glue = await import(glueUrl);
  const exports = await glue.default();
  return exports.memory.buffer.byteLength;
}
