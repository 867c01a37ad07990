// The scenarios: each opens fresh pages in headless Chromium, measures one implementation
// (byline or vanilla), and adds samples to a Samples collection under metric ids that
// report.mjs knows how to label.

import {
  ARTICLE,
  BYLINE_GLUE,
  BYLINE_WASM,
  ENTRY_SCRIPTS,
  benchState,
  carouselStepProbe,
  criticalPathProbe,
  whenPaintedProbe,
  switchLanguageProbe,
  wasmMemoryProbe,
} from './pages.mjs';

/** Every context: a desktop viewport, and reduced motion so the carousel scrolls instantly. */
export const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' };

/** CPU slowdowns measured (CDP Emulation.setCPUThrottlingRate). */
export const CPU_RATES = [1, 4];

/** Instances per page for the memory scenario. */
export const INSTANCE_COUNTS = [1, 10, 50];

/** Languages switched to and back from (the article starts in German, de-MX). */
const SWITCH_LANGUAGES = ['es', 'en', 'uk'];

const CAROUSEL_STEPS = 2;

/** Quiet time after a load or an interaction, so late work (images, rAF measuring) is done. */
const SETTLE_MS = 500;

/** Samples by metric id and implementation. */
export class Samples {
  constructor() {
    this.data = {};
  }

  add(metric, impl, value) {
    ((this.data[metric] ??= {})[impl] ??= []).push(value);
  }

  get(metric, impl) {
    return this.data[metric]?.[impl] ?? [];
  }
}

/** Console errors and uncaught exceptions seen in any page, for the report's notes. */
export const pageProblems = [];

function pageUrl(server, impl, n) {
  return `${server.url}/page?impl=${impl}&n=${n}`;
}

/** A new page in `context`, CPU-throttled by `rate` before it loads anything. */
async function openPage(context, rate) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  return { page, cdp, requests };
}

/**
 * Runs `fn(arg)` in the page through the raw CDP session, awaits it and returns its JSON value
 * (NaN and undefined inside arrive as null or are left out). Not page.evaluate or
 * waitForFunction: Playwright's first use of those in a page injects its own scripts, over
 * 100 ms of main-thread work at 4× CPU, which landed inside the loads being measured.
 */
async function inPage(cdp, fn, arg, timeout = 60000) {
  const expression = `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
  let timer;
  const limit = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${fn.name || 'page function'} did not finish within ${timeout} ms`)), timeout);
  });
  try {
    const call = cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    const { result, exceptionDetails } = await Promise.race([call, limit]);
    if (exceptionDetails) throw new Error(`${fn.name || 'page function'}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

/** Loads the host page with `n` widgets of `impl`; resolves once every headline is painted. */
async function loadWidgets({ page, cdp }, server, impl, n, timeout = 60000) {
  await page.goto(pageUrl(server, impl, n));
  return inPage(cdp, whenPaintedProbe, n, timeout);
}

/** The files whose Resource Timing the cold-path breakdown reads, per implementation. */
const PATH_FILES = {
  byline: { script: ENTRY_SCRIPTS.byline, glue: BYLINE_GLUE, wasm: BYLINE_WASM, json: ARTICLE },
  vanilla: { script: ENTRY_SCRIPTS.vanilla, json: ARTICLE },
};

/**
 * The steps of the cold critical path, in the order they happen, as report.mjs labels them:
 * each is sampled as `path.cold.<rate>.<step>` (ms after navigation start) and
 * `path.cold.<rate>.<step>.t0` (ms after the loader's insertion).
 */
export const PATH_STEPS = [
  'insert', 'scriptEnd', 'loaderStart', 'glueStart', 'glueEnd', 'glue', 'wasmStart', 'wasmEnd', 'wasm',
  'jsonStart', 'jsonEnd', 'attached', 'ready', 'render', 'headlineDom', 'headline', 'paragraph',
];

/** criticalPathProbe's record as { step: ms after navigation } (NaN: did not happen). */
function pathSteps(p) {
  const r = p.resources;
  return {
    insert: p.t0,
    scriptEnd: r.script?.end,
    loaderStart: p.marks['byline:loader-start'],
    glueStart: r.glue?.start,
    glueEnd: r.glue?.end,
    glue: p.marks['byline:glue'],
    wasmStart: r.wasm?.start,
    wasmEnd: r.wasm?.end,
    wasm: p.marks['byline:wasm'],
    jsonStart: r.json?.start,
    jsonEnd: r.json?.end,
    attached: p.attached,
    ready: p.ready,
    render: p.render,
    headlineDom: p.headlineDom,
    headline: p.headline,
    paragraph: p.paragraph,
  };
}

const longest = (tasks) => tasks.reduce((max, task) => Math.max(max, task.duration), 0);

/**
 * Cold load (new context), the reader's interactions on that page, then a warm load (a second
 * page in the same context: everything but the page itself comes from the HTTP cache).
 */
export async function loadScenario({ browser, server, impl, rate, samples }) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const cold = await openPage(context, rate);
    const loaded = await loadWidgets(cold, server, impl, 1);
    await cold.page.waitForTimeout(SETTLE_MS);
    const settled = await inPage(cold.cdp, benchState);
    samples.add(`load.cold.${rate}`, impl, loaded.painted[0]);
    samples.add(`load.cold.${rate}.dom`, impl, loaded.dom[0]);
    const steps = pathSteps(await inPage(cold.cdp, criticalPathProbe, PATH_FILES[impl]));
    if (!Number.isFinite(steps.paragraph)) throw new Error(`${impl}: no body paragraph became visible (${rate}× CPU)`);
    for (const step of PATH_STEPS) {
      const at = steps[step];
      if (!Number.isFinite(at)) continue; // not a step of this implementation
      samples.add(`path.cold.${rate}.${step}`, impl, at);
      samples.add(`path.cold.${rate}.${step}.t0`, impl, at - steps.insert);
    }
    samples.add(`cls.${rate}`, impl, settled.cls);
    // Tasks that ended before the loader was inserted belong to the host page's navigation.
    samples.add(`longtask.load.${rate}`, impl, longest(settled.longtasks.filter((t) => t.start + t.duration > settled.t0)));

    await interact(cold, impl, rate, samples);
    await cold.page.waitForTimeout(SETTLE_MS);
    const after = await inPage(cold.cdp, benchState);
    samples.add(`longtask.interact.${rate}`, impl, longest(after.longtasks.slice(settled.longtasks.length)));
    await cold.page.close();

    const warm = await openPage(context, rate);
    const mark = server.mark();
    const warmLoaded = await loadWidgets(warm, server, impl, 1);
    await warm.page.waitForTimeout(SETTLE_MS);
    samples.add(`load.warm.${rate}`, impl, warmLoaded.painted[0]);
    samples.add(`load.warm.${rate}.dom`, impl, warmLoaded.dom[0]);
    // Only the page itself (no-store) should reach the server on a warm load.
    samples.add(`warm.requests.${rate}`, impl, server.since(mark, (p) => p !== '/page').length);
    await warm.page.close();
  } finally {
    await context.close();
  }
}

/** Language switches (uncached there, cached back to German) and carousel steps. */
async function interact({ page, cdp }, impl, rate, samples) {
  for (const lang of SWITCH_LANGUAGES) {
    const away = await inPage(cdp, switchLanguageProbe, lang);
    samples.add(`switch.uncached.${rate}`, impl, away.painted);
    samples.add(`switch.uncached.${rate}.dom`, impl, away.dom);
    await page.waitForTimeout(100);
    const back = await inPage(cdp, switchLanguageProbe, 'de');
    samples.add(`switch.cached.${rate}`, impl, back.painted);
    samples.add(`switch.cached.${rate}.dom`, impl, back.dom);
    await page.waitForTimeout(100);
  }
  // The article was re-rendered: let the carousel measure itself before stepping.
  await page.waitForTimeout(SETTLE_MS);
  for (let step = 0; step < CAROUSEL_STEPS; step++) {
    const result = await inPage(cdp, carouselStepProbe);
    if (result.index <= result.from) throw new Error(`${impl}: carousel went from slide ${result.from} to ${result.index}`);
    samples.add(`carousel.${rate}`, impl, result.ms);
    await page.waitForTimeout(100);
  }
}

/** Forces garbage collection twice (weak references need a second pass), then reads the heap. */
async function usedHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * `n` widgets of `impl` on one page (cold context, no throttling): JS heap above the same page
 * without any widget script, wasm linear memory, wasm fetches, and when the last headline
 * was painted.
 */
export async function memoryScenario({ browser, server, impl, n, samples }) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const bare = await openPage(context, 1);
    await bare.page.goto(pageUrl(server, 'none', n));
    const baseline = await usedHeap(bare.cdp);
    await bare.page.close();

    const opened = await openPage(context, 1);
    const { page, cdp, requests } = opened;
    const mark = server.mark();
    const loaded = await loadWidgets(opened, server, impl, n);
    await page.waitForTimeout(SETTLE_MS);
    const heap = (await usedHeap(cdp)) - baseline;
    const wasm = impl === 'byline' ? await page.evaluate(wasmMemoryProbe, BYLINE_GLUE) : 0;
    samples.add(`heap.${n}`, impl, heap);
    samples.add(`wasm.${n}`, impl, wasm);
    samples.add(`memory.${n}`, impl, heap + wasm);
    samples.add(`allPainted.${n}`, impl, Math.max(...loaded.painted));
    // Seen by the browser (cache hits included) and by the server: both must be 1 for Byline.
    samples.add(`wasmFetches.${n}`, impl, requests.filter((p) => p.endsWith('.wasm')).length);
    samples.add(`wasmServed.${n}`, impl, server.since(mark, (p) => p.endsWith('.wasm')).length);
    samples.add(`articleFetches.${n}`, impl, requests.filter((p) => p === ARTICLE).length);
    await page.close();
  } finally {
    await context.close();
  }
}
