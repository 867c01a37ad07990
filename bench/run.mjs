#!/usr/bin/env node
// Byline's benchmark: sizes, load and interaction times, main-thread tasks, memory and layout
// shift, side by side with a minimal vanilla-JS renderer (bench/vanilla/vanilla.js), in
// headless Debian Chromium. Needs a release build in dist/ (`make bench` does both).
//
//   node bench/run.mjs [--runs N] [--write BENCHMARKS.md] [--json results.json]
//
// --runs defaults to $BENCH_RUNS, else 7. Without --write the report goes to stdout.
// The report's wasm breakdown also needs cargo's output in target/ and wasm-bindgen and
// wasm-opt on PATH (make provides both); without them that section says why it is missing.
// Exits non-zero only when something breaks (a page does not render, a probe fails), never
// because a number misses its target: the report says pass or fail.

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { measureSizes, benchDir, distDir, repoRoot } from './lib/sizes.mjs';
import { startBenchServer } from './lib/server.mjs';
import { hostPage } from './lib/pages.mjs';
import {
  CONTEXT_OPTIONS,
  CPU_RATES,
  INSTANCE_COUNTS,
  Samples,
  loadScenario,
  memoryScenario,
  pageProblems,
} from './lib/measure.mjs';
import { describeMachine } from './lib/machine.mjs';
import { renderMarkdown, ratioChartSvg } from './lib/report.mjs';
import { wasmBreakdown } from './lib/wasm-breakdown.mjs';

const IMPLS = ['byline', 'vanilla'];
const CHART_FILE = path.join(benchDir, 'chart.svg');

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: process.env.BENCH_RUNS || '7' },
      write: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not "${values.runs}"`);
  return { runs, write: values.write, json: values.json };
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);

/** The crate and function breakdown of the wasm; a failure only costs its report section. */
function measureBreakdown() {
  try {
    const t = Date.now();
    const breakdown = wasmBreakdown();
    log(`wasm breakdown done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return breakdown;
  } catch (error) {
    log(`WARNING: no wasm breakdown in the report: ${error.message}`);
    return { error: error.message };
  }
}

/** One run: every scenario for both implementations, the first one alternating per run. */
async function measureRun({ browser, server, samples, run }) {
  const order = run % 2 === 0 ? IMPLS : [...IMPLS].reverse();
  for (const impl of order) {
    for (const rate of CPU_RATES) await loadScenario({ browser, server, impl, rate, samples });
  }
  for (const impl of order) {
    for (const n of INSTANCE_COUNTS) await memoryScenario({ browser, server, impl, n, samples });
  }
}

async function main() {
  const opts = options();
  const started = Date.now();
  const sizes = measureSizes(); // throws with a hint when dist/ is not built
  const breakdown = measureBreakdown(); // no browser needed: before the timed runs

  const server = await startBenchServer({
    mounts: {
      '/byline/': distDir,
      '/vanilla/': path.join(benchDir, 'vanilla'),
      '/data/': path.join(distDir, 'data'),
    },
    pages: hostPage,
  });
  let browser;
  const samples = new Samples();
  let browserVersion;
  // Other work on the machine shows up in every time: note how busy it was around each run.
  const loadAverages = [os.loadavg()[0]];
  try {
    browser = await launchBrowser();
    browserVersion = browser.version();
    for (let run = 0; run < opts.runs; run++) {
      const t = Date.now();
      await measureRun({ browser, server, samples, run });
      loadAverages.push(os.loadavg()[0]);
      log(`run ${run + 1}/${opts.runs} done in ${((Date.now() - t) / 1000).toFixed(1)} s (load average ${loadAverages.at(-1).toFixed(2)})`);
    }
  } finally {
    await browser?.close();
    await server.close();
  }

  const machine = describeMachine({ browserVersion, repoRoot });
  const params = {
    runs: opts.runs,
    switchesPerRun: 3,
    carouselSteps: 2,
    viewport: CONTEXT_OPTIONS.viewport,
    deviceScaleFactor: CONTEXT_OPTIONS.deviceScaleFactor,
    reducedMotion: CONTEXT_OPTIONS.reducedMotion,
    cpuRates: CPU_RATES,
    instanceCounts: INSTANCE_COUNTS,
    chromiumArgs: CHROMIUM_ARGS,
    durationSeconds: (Date.now() - started) / 1000,
    loadAverages,
  };

  const chartSvg = ratioChartSvg(sizes, samples);
  if (opts.write) {
    const target = path.resolve(opts.write);
    writeFileSync(CHART_FILE, chartSvg);
    const chartPath = path.relative(path.dirname(target), CHART_FILE).split(path.sep).join('/');
    writeFileSync(target, renderMarkdown({ sizes, samples, machine, params, problems: pageProblems, chartPath, breakdown }));
    log(`wrote ${path.relative(process.cwd(), target)} and ${path.relative(process.cwd(), CHART_FILE)}`);
  } else {
    process.stdout.write(renderMarkdown({ sizes, samples, machine, params, problems: pageProblems, chartPath: null, breakdown }));
  }
  if (opts.json) {
    writeFileSync(path.resolve(opts.json), JSON.stringify({ machine, params, sizes, wasmBreakdown: breakdown, samples: samples.data, problems: pageProblems }, null, 2) + '\n');
    log(`wrote ${opts.json}`);
  }
  log(`finished in ${params.durationSeconds.toFixed(0)} s`);
}

main().catch((error) => {
  console.error(`bench: FAILED: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
