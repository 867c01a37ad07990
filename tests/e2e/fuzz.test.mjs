// End-to-end: property-based fuzzing through the built widget (dist/) in Chromium. Random
// editions (valid, broken in one known way, wild, JSON-LD, too large, served as the wrong type,
// failing with an HTTP status) and random data-* configurations (valid, or with one bad
// attribute), generated with fast-check (tests/e2e/fuzz-cases.mjs), many widgets per page.
// Each case must end as documented: a valid edition renders; an invalid one ends in one `error`
// event with the documented reason and a visible message, the placeholder's content kept; a bad
// configuration in one `config` error naming the attribute. And never a panic, an uncaught
// error, or a page that stops answering for a second.
//
// The seed is random unless given, and printed; a failing case is printed and saved in
// tests/e2e/artifacts/. Settings (environment):
//   BYLINE_FUZZ_SEED=n     replay a run
//   BYLINE_FUZZ_CASES=n    how many cases (default 300; e.g. 5000 for a longer run)
//   BYLINE_FUZZ_CASE=i,j   only these cases of the seed (replaying a failure)
// The cases that once went wrong (regressionCases) run first, whatever the seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, startStaticServer, distDir, repoRoot, artifactsDir } from './harness.mjs';
import { hostPage, placeholder, recordEvents, EVENT_TYPES, sleep } from './trust-fixtures.mjs';
import { fuzzCases, regressionCases } from './fuzz-cases.mjs';

const SEED = process.env.BYLINE_FUZZ_SEED ? Number(process.env.BYLINE_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const COUNT = Number(process.env.BYLINE_FUZZ_CASES || 300);
const ONLY = process.env.BYLINE_FUZZ_CASE ? process.env.BYLINE_FUZZ_CASE.split(',').map((i) => i.trim()) : null;
/** Widgets per page. */
const BATCH = 25;
/** How long a batch may take to reach an outcome in every widget (retries of a 503 take 1.5 s). */
const SETTLE_MS = 30_000;
const HUNG = Symbol('hung');
/** How much longer a page that missed the second is given, to tell a hang from a busy machine. */
const LATE_MS = 15_000;

/** The widget's messages for the reasons fuzzed, per UI language, read from model/src/i18n.rs. */
function readMessages() {
  const source = readFileSync(path.join(repoRoot, 'model', 'src', 'i18n.rs'), 'utf8');
  const tables = {};
  for (const [, name, body] of source.matchAll(/const (\w+): Labels = Labels \{([\s\S]*?)\n\};/g)) {
    const field = (key) => JSON.parse(body.match(new RegExp(`\\b${key}:\\s*("(?:[^"\\\\]|\\\\.)*")`))[1]);
    tables[name] = { invalid: field('error_invalid'), http: field('error_http') };
  }
  const byLang = Object.fromEntries([...source.matchAll(/"([a-z]+)" => &([A-Z]+),/g)].map(([, lang, name]) => [lang, tables[name]]));
  assert.ok(tables.EN && Object.keys(byLang).length > 5, 'the UI strings were found in model/src/i18n.rs');
  return (lang) => byLang[lang.split(/[-_]/)[0]] ?? tables.EN;
}
const messages = readMessages();

let browser;
let server;
/** The cases being served, by index. */
const serving = new Map();
const pages = new Map();

before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(distDir, {
    handler: (req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (pages.has(url.pathname)) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(pages.get(url.pathname));
        return true;
      }
      const match = /^\/fz\/c(r?\d+)\//.exec(url.pathname);
      const served = match && serving.get(match[1]);
      if (!served) return false;
      const { status, type, body, declared, retryAfter } = served.answer;
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        ...(declared ? { 'Content-Length': Buffer.byteLength(body) } : {}),
        ...(retryAfter ? { 'Retry-After': retryAfter } : {}),
      });
      res.end(body);
      return true;
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Resolves with `promise`'s value, or with `fallback` after `ms`. */
const within = (promise, ms, fallback) => Promise.race([promise, sleep(ms).then(() => fallback)]);

/** A page of one widget per case, each in a short clipped cell, so that lazy ones mount too. */
function batchPage(cases) {
  const cells = cases.map((c) => `<div class="cell">${placeholder(`w${c.index}`, c.attrs, c.fallback)}</div>`).join('\n');
  // Before the loader runs: what each placeholder holds, to check that it is never changed.
  const record = `<script>window.__light = Object.fromEntries([...document.querySelectorAll('.byline-article')].map((h) => [h.id, h.innerHTML]));</script>`;
  return hostPage({ head: '<style>.cell { height: 20px; overflow: clip }</style>', body: `${cells}\n${record}` });
}

/** In the page: what every widget has done and shows. */
function observe() {
  const out = {};
  for (const host of document.querySelectorAll('.byline-article')) {
    const seen = window.__events.filter((e) => e.id === host.id);
    const root = host.shadowRoot;
    const alert = root?.querySelector('.byline-error[role=alert] .byline-error__message');
    const fallback = host.querySelector('.fallback');
    out[host.id] = {
      renders: seen.filter((e) => e.type === 'render').map((e) => e.detail),
      errors: seen.filter((e) => e.type === 'error').map((e) => e.detail),
      headline: root?.querySelector('.byline-headline')?.textContent ?? null,
      alert: alert ? { text: alert.textContent, visible: alert.checkVisibility() } : null,
      fallbackVisible: fallback ? fallback.checkVisibility() : null,
      lightKept: host.innerHTML === window.__light[host.id],
      shadowContent: root ? root.querySelectorAll('*:not(slot)').length : 0,
    };
  }
  return out;
}

/** The language of a widget's own words before any edition shows (data-ui-lang, data-lang, English). */
function uiLang(attrs) {
  const value = (name) => (attrs[name] ?? '').trim().toLowerCase();
  return value('ui-lang') || value('lang') || 'en';
}

/** What is wrong with how case `c` ended (`seen`: its widget's observation), or []. */
function problems(c, seen, consoleErrors) {
  const found = [];
  const expect = (ok, what) => { if (!ok) found.push(what); };
  const { renders } = seen;
  // A failing related-news feed is its own error, and only where there is a feed.
  const feedErrors = seen.errors.filter((e) => e.reason === 'related-feed');
  const errors = seen.errors.filter((e) => e.reason !== 'related-feed');
  expect(feedErrors.length === 0 || (c.attrs['related-src'] !== undefined && feedErrors.length === 1),
    `a related-feed error only for a data-related-src, once (got ${JSON.stringify(feedErrors)})`);
  expect(!errors.some((e) => e.reason === 'panic'), 'a panic');
  expect(seen.lightKept, "the placeholder's own content changed");
  const rendered = () => {
    expect(errors.length === 0, `no error event (got ${JSON.stringify(errors)})`);
    expect(renders.length === 1, `one render event (got ${renders.length})`);
    expect(seen.headline !== null, 'a headline on screen');
    expect(seen.alert === null, 'no error message');
    expect(seen.fallbackVisible !== true, 'the fallback hidden');
  };
  const failed = (reason, status) => {
    const text = messages(uiLang(c.attrs));
    const message = reason === 'http' ? text.http.replace('{status}', status) : text.invalid;
    expect(renders.length === 0, `no render event (got ${JSON.stringify(renders)})`);
    expect(errors.length === 1 && errors[0].reason === reason && (errors[0].status ?? null) === status,
      `one error event with reason "${reason}"${status ? ` and status ${status}` : ''} (got ${JSON.stringify(errors)})`);
    expect(seen.alert?.visible && seen.alert.text === message, `the visible message "${message}" (got ${JSON.stringify(seen.alert)})`);
    expect(seen.headline === null, 'no headline');
    expect(seen.fallbackVisible !== false, 'the fallback visible');
  };
  const { outcome } = c.expect;
  if (outcome === 'render') {
    rendered();
    const { id, lang, country, mark } = c.expect;
    const shown = renders[0] ?? {};
    expect(JSON.stringify({ id: shown.id, lang: shown.lang, country: shown.country }) === JSON.stringify({ id, lang, country }), `render ${JSON.stringify({ id, lang, country })} (got ${JSON.stringify(renders[0])})`);
    // The URL it was fetched from (what a restart after a panic resumes at).
    expect(typeof shown.url === 'string' && new URL(shown.url).pathname.startsWith(c.base), `render with the edition's URL under ${c.base} (got ${JSON.stringify(shown.url)})`);
    expect(seen.headline?.includes(mark), `the headline with ${mark} (got ${JSON.stringify(seen.headline?.slice(0, 80))})`);
  } else if (outcome === 'error') {
    failed(c.expect.reason, c.expect.status);
  } else if (outcome === 'render-or-invalid') {
    if (renders.length > 0 && errors.length === 0) rendered();
    else failed('invalid', null);
  } else if (outcome === 'config') {
    const [error] = errors;
    expect(renders.length === 0 && errors.length === 1 && error.reason === 'config',
      `one error event with reason "config" (got ${JSON.stringify(errors)}, ${renders.length} renders)`);
    expect(error?.message?.includes(c.expect.attribute), `an error message naming ${c.expect.attribute} (got ${JSON.stringify(error?.message)})`);
    expect(error && consoleErrors.includes(error.message), 'the message in the console');
    expect(seen.shadowContent === 0, 'no widget in the placeholder');
    expect(seen.fallbackVisible !== false, 'the fallback visible');
  }
  return found;
}

/**
 * Runs `cases` on one page. Returns { failures: Map(index -> problems), page: problems of the
 * page as a whole (a hang, an uncaught error, a panic), slow: it answered, but late }.
 */
async function runBatch(cases, name) {
  for (const c of cases) serving.set(String(c.index), c);
  const url = `/fz/${name}.html`;
  pages.set(url, batchPage(cases));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const pageProblems = [];
  const failures = new Map();
  let slow = false;
  try {
    // Article images and links point at hosts that do not exist: refused at once.
    await context.route((u) => u.hostname !== '127.0.0.1', (route) => route.abort());
    const page = await context.newPage();
    const pageErrors = [];
    const consoleErrors = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    await page.addInitScript(recordEvents, EVENT_TYPES);
    await page.goto(server.url + url);
    // The page must answer within a second. When it does not, it is given a while longer, to
    // tell a hang from a machine too busy to answer in time (see the test's retry).
    const answered = async () => {
      const seen = await within(page.evaluate(observe), 1000, HUNG);
      if (seen !== HUNG) return seen;
      const late = await within(page.evaluate(observe), LATE_MS, HUNG);
      if (late === HUNG) pageProblems.push(`the page stopped answering (nothing within ${(1000 + LATE_MS) / 1000} s)`);
      else if (!slow) pageProblems.push('the page took more than a second to answer');
      slow ||= late !== HUNG;
      return late;
    };
    const started = Date.now();
    let seen;
    for (;;) {
      seen = await answered();
      if (seen === HUNG) return { failures, page: pageProblems, slow };
      const open = cases.filter((c) => seen[`w${c.index}`].renders.length + seen[`w${c.index}`].errors.length === 0);
      if (open.length === 0) break;
      if (Date.now() - started > SETTLE_MS) {
        for (const c of open) failures.set(c.index, [`no outcome (neither render nor error) within ${SETTLE_MS / 1000} s`]);
        break;
      }
      await sleep(100);
    }
    // Anything late (a second event, a render after an error) shows up after two more frames.
    await within(page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))), 1000 + LATE_MS, HUNG);
    await sleep(200);
    seen = await answered();
    if (seen === HUNG) return { failures, page: pageProblems, slow };
    if (pageErrors.length) pageProblems.push(`uncaught errors: ${pageErrors.join(' | ')}`);
    const unexpected = consoleErrors.filter((text) => !text.startsWith('Byline: ') && !text.startsWith('Failed to load resource: '));
    if (unexpected.length) pageProblems.push(`console errors: ${unexpected.join(' | ')}`);
    if (consoleErrors.some((text) => text.startsWith('Byline stopped'))) pageProblems.push('the module panicked');
    if (Object.values(seen).some((w) => w.errors.some((e) => e.reason === 'panic'))) pageProblems.push('an error event with reason "panic"');
    for (const c of cases) {
      if (failures.has(c.index)) continue;
      const found = problems(c, seen[`w${c.index}`], consoleErrors);
      if (found.length) failures.set(c.index, found);
    }
    return { failures, page: pageProblems, slow };
  } finally {
    await within(context.close(), 10_000, null);
    pages.delete(url);
    for (const c of cases) serving.delete(String(c.index));
  }
}

/** A case as text for the report: long strings cut. */
function describe(c, found) {
  const cut = (s, n = 400) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);
  return [
    `case ${c.index} (${c.kind}: ${c.note})`,
    `  expected: ${JSON.stringify(c.expect)}`,
    `  data-*: ${JSON.stringify(c.attrs)}`,
    `  served: HTTP ${c.answer.status}, ${c.answer.type}${c.answer.declared ? '' : ', no Content-Length'}: ${cut(JSON.stringify(c.answer.body))}`,
    ...found.map((p) => `  wrong: ${p}`),
  ].join('\n');
}

test(`fuzz: random editions and configurations through the built widget (seed ${SEED})`, async (t) => {
  t.diagnostic(`seed ${SEED}, ${ONLY ? `cases ${ONLY.join(', ')}` : `${COUNT} cases`} (replay: BYLINE_FUZZ_SEED=${SEED})`);
  console.log(`fuzz: seed ${SEED}`);
  const numbered = ONLY?.filter((i) => /^\d+$/.test(i)).map(Number) ?? [];
  const all = fuzzCases(SEED, ONLY ? Math.max(-1, ...numbered) + 1 : COUNT, server.url);
  // The cases that once went wrong come first, in every run.
  const regressions = regressionCases();
  const cases = ONLY
    ? ONLY.map((i) => (/^\d+$/.test(i) ? all[Number(i)] : regressions.find((c) => c.index === i))).filter(Boolean)
    : [...regressions, ...all];
  assert.ok(cases.length > 0, 'there are cases to run');
  const kinds = {};
  for (const c of cases) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  t.diagnostic(`kinds: ${JSON.stringify(kinds)}`);
  /** runBatch, once more when the page answered late: on a busy machine (CI shares its CPUs) that happens. */
  const run = async (batch, name) => {
    const result = await runBatch(batch, name);
    if (!result.slow) return result;
    t.diagnostic(`cases ${batch[0].index}-${batch.at(-1).index}: ${result.page.join('; ')}; once more`);
    return runBatch(batch, `${name}-again`);
  };
  const reports = [];
  for (let from = 0; from < cases.length && reports.length === 0; from += BATCH) {
    const batch = cases.slice(from, from + BATCH);
    const result = await run(batch, `batch-${from}`);
    for (const [index, found] of result.failures) reports.push([batch.find((c) => c.index === index), found]);
    if (result.page.length) {
      // The page as a whole failed: find the cases that fail alone.
      for (const c of batch) {
        const alone = await run([c], `case-${c.index}`);
        const found = [...alone.page, ...(alone.failures.get(c.index) ?? [])];
        if (found.length && !reports.some(([r]) => r === c)) reports.push([c, found]);
      }
      const lateOnly = result.page.length === 1 && result.slow;
      if (reports.length === 0 && lateOnly) {
        // Each case answers in time alone, and together the page answered, late: a busy machine.
        t.diagnostic(`cases ${batch[0].index}-${batch.at(-1).index}: late only together, each in time alone`);
      } else if (reports.length === 0) {
        reports.push([{ index: batch.map((c) => c.index).join(','), kind: 'batch', note: 'only together', expect: {}, attrs: {}, answer: { status: '', type: '', body: '' } }, result.page]);
      }
    }
  }
  if (reports.length) {
    const file = path.join(artifactsDir, `fuzz-${SEED}.json`);
    writeFileSync(file, JSON.stringify(reports.map(([c, found]) => ({ seed: SEED, ...c, wrong: found })), null, 2));
    const replay = `BYLINE_FUZZ_SEED=${SEED} BYLINE_FUZZ_CASE=${reports.map(([c]) => c.index).join(',')} node --test tests/e2e/fuzz.test.mjs`;
    assert.fail(`${reports.length} case(s) went wrong (seed ${SEED}; saved in ${path.relative(repoRoot, file)}; replay: ${replay}):\n${reports.map(([c, found]) => describe(c, found)).join('\n')}`);
  }
});
