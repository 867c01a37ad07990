#!/usr/bin/env node
// Size gate: gzip -9 of what every page downloads for Byline (wasm + glue + loader + CSS; the
// CSS is compiled into the wasm unless the build ships dist/byline.css) must stay within
// BYLINE_SIZE_BUDGET_KB (the Makefile passes 140, the fail line; default 140; 1 kB = 1000
// bytes; the target is 120, the goal 100: BENCHMARKS.md). The JSON-LD and JSON Feed module, fetched only by pages that use those formats, is
// reported on its own row and not counted. Prints the breakdown; exits 1 over budget, 2 when the build is missing.
//
//   make build && node bench/size-check.mjs
//   BYLINE_SIZE_BUDGET_KB=120 node bench/size-check.mjs

import { measureSizes, formatKB, KB, FORMATS_NOTE, TOTAL_LABEL } from './lib/sizes.mjs';

const budgetKB = Number(process.env.BYLINE_SIZE_BUDGET_KB ?? 140);
if (!Number.isFinite(budgetKB) || budgetKB <= 0) {
  console.error(`BYLINE_SIZE_BUDGET_KB must be a positive number, not "${process.env.BYLINE_SIZE_BUDGET_KB}"`);
  process.exit(2);
}

let sizes;
try {
  sizes = measureSizes();
} catch (error) {
  console.error(`size-check: ${error.message}`);
  process.exit(2);
}

const rows = [
  [sizes.cssFile ? 'byline-widget_bg.wasm' : 'byline-widget_bg.wasm (CSS inside)', sizes.wasm],
  ['byline-widget.js (glue)', sizes.glue],
  ['byline.js (loader)', sizes.loader],
  ...(sizes.cssFile ? [['byline.css', sizes.cssFile]] : []),
  [`total (${TOTAL_LABEL})`, sizes.total],
];
const pad = (text, width) => String(text).padStart(width);
console.log(`${'file'.padEnd(36)}${pad('raw', 12)}${pad('gzip -9', 12)}${pad('brotli 11', 12)}`);
for (const [name, s] of rows) {
  console.log(`${name.padEnd(36)}${pad(formatKB(s.raw), 12)}${pad(formatKB(s.gzip), 12)}${pad(formatKB(s.brotli), 12)}`);
}
const f = sizes.formats;
console.log(`${'byline-formats (wasm + glue)'.padEnd(36)}${pad(formatKB(f.raw), 12)}${pad(formatKB(f.gzip), 12)}${pad(formatKB(f.brotli), 12)}  ${FORMATS_NOTE}, not in the total`);
if (!sizes.cssFile) console.log(`(style/byline.css minified, already counted inside the wasm: ${formatKB(sizes.css.raw)} raw, ${formatKB(sizes.css.gzip)} gzip)`);

const totalKB = sizes.total.gzip / KB;
if (totalKB > budgetKB) {
  console.error(`size-check: FAIL: ${totalKB.toFixed(1)} kB gzip is over the ${budgetKB} kB budget by ${(totalKB - budgetKB).toFixed(1)} kB`);
  process.exit(1);
}
console.log(`size-check: ok: ${totalKB.toFixed(1)} kB gzip within the ${budgetKB} kB budget`);
