// Turns sizes and samples into BENCHMARKS.md (Markdown) and a ratio chart (SVG).

import { KB, formatKB, FORMATS_NOTE, TOTAL_LABEL } from './sizes.mjs';
import { summarize, ratio } from './stats.mjs';

const MB = 1e6;
const WASM_PAGE = 65536;

/**
 * The targets of the issue. Sizes in kB (1000 bytes), memory in MB (10⁶ bytes). The size gate
 * (bench/size-check.mjs, BYLINE_SIZE_BUDGET_KB from the Makefile) fails a build above sizeFailKB.
 */
export const TARGETS = {
  sizeFailKB: 140,
  sizeTargetKB: 120,
  sizeGoalKB: 100,
  headlineVsVanilla: 1.25,
  cachedSwitchMs: 16.7, // one frame at 60 Hz
  wasmMemory50MB: 4,
  longTaskMs: 50,
};

/**
 * Table rows in order: metric id, label, unit (ms | bytes | cls | count), and optionally
 * { vanilla: text } for a figure the vanilla renderer cannot have (it has no wasm).
 */
const NO_WASM = { vanilla: 'n/a (no wasm)' };
export const METRIC_GROUPS = [
  {
    title: 'Load: loader script inserted → article headline painted',
    rows: [
      ['load.cold.1', 'Cold cache, 1× CPU', 'ms'],
      ['load.cold.4', 'Cold cache, 4× CPU', 'ms'],
      ['load.warm.1', 'Warm cache, 1× CPU', 'ms'],
      ['load.warm.4', 'Warm cache, 4× CPU', 'ms'],
      ['load.cold.1.dom', 'Cold cache, 1× CPU: headline in the DOM (before paint)', 'ms'],
      ['allPainted.50', '50 instances, cold, 1× CPU: last headline painted', 'ms'],
    ],
  },
  {
    title: 'Load from navigation start (cold cache): headline painted, first body paragraph visible',
    rows: [
      ['path.cold.1.headline', 'Navigation → headline painted, 1× CPU', 'ms'],
      ['path.cold.1.paragraph', 'Navigation → first body paragraph visible, 1× CPU', 'ms'],
      ['path.cold.4.headline', 'Navigation → headline painted, 4× CPU', 'ms'],
      ['path.cold.4.paragraph', 'Navigation → first body paragraph visible, 4× CPU', 'ms'],
      ['path.cold.1.paragraph.t0', 'Loader inserted → first body paragraph visible, 1× CPU', 'ms'],
      ['path.cold.4.paragraph.t0', 'Loader inserted → first body paragraph visible, 4× CPU', 'ms'],
    ],
  },
  {
    title: 'Interactions (until painted)',
    rows: [
      ['switch.uncached.1', 'Language switch, uncached, 1× CPU', 'ms'],
      ['switch.cached.1', 'Language switch, cached (back to an edition seen), 1× CPU', 'ms'],
      ['switch.cached.1.dom', 'Language switch, cached, 1× CPU: headline in the DOM (before paint)', 'ms'],
      ['switch.uncached.4', 'Language switch, uncached, 4× CPU', 'ms'],
      ['switch.cached.4', 'Language switch, cached, 4× CPU', 'ms'],
      ['carousel.1', 'Carousel step (next → first visible slide changed), 1× CPU', 'ms'],
      ['carousel.4', 'Carousel step, 4× CPU', 'ms'],
    ],
  },
  {
    title: 'Main thread and layout',
    rows: [
      ['longtask.load.4', 'Longest task during load, 4× CPU (0 = none ≥ 50 ms)', 'ms'],
      ['longtask.interact.4', 'Longest task during switches and carousel, 4× CPU', 'ms'],
      ['longtask.load.1', 'Longest task during load, 1× CPU', 'ms'],
      ['cls.1', 'Cumulative layout shift, cold load, 1× CPU', 'cls'],
    ],
  },
  {
    title: 'Memory (after garbage collection; JS heap above the same page without widgets)',
    rows: [
      ['heap.1', 'JS heap, 1 instance', 'bytes'],
      ['heap.10', 'JS heap, 10 instances', 'bytes'],
      ['heap.50', 'JS heap, 50 instances', 'bytes'],
      ['wasm.1', 'wasm linear memory, 1 instance', 'bytes', NO_WASM],
      ['wasm.10', 'wasm linear memory, 10 instances', 'bytes', NO_WASM],
      ['wasm.50', 'wasm linear memory, 50 instances', 'bytes', NO_WASM],
      ['memory.50', 'JS heap + wasm memory, 50 instances', 'bytes'],
      ['wasmFetches.50', 'wasm fetches, 50 instances', 'count', NO_WASM],
    ],
  },
];

/** Metrics drawn in the ratio chart, with short labels (sizes are added separately). */
const CHART_ROWS = [
  ['load.cold.1', 'Headline painted, cold, 1× CPU'],
  ['load.cold.4', 'Headline painted, cold, 4× CPU'],
  ['path.cold.1.paragraph', 'Nav. → first paragraph visible, cold, 1×'],
  ['path.cold.4.paragraph', 'Nav. → first paragraph visible, cold, 4×'],
  ['load.warm.1', 'Headline painted, warm, 1× CPU'],
  ['load.warm.4', 'Headline painted, warm, 4× CPU'],
  ['allPainted.50', '50 headlines painted, cold, 1× CPU'],
  ['switch.uncached.1', 'Language switch, uncached, 1× CPU'],
  ['switch.cached.1', 'Language switch, cached, 1× CPU'],
  ['carousel.1', 'Carousel step, 1× CPU'],
  ['heap.50', 'JS heap, 50 instances'],
  ['memory.50', 'JS heap + wasm memory, 50 instances'],
];

// ---------------------------------------------------------------------------------------------
// Formatting

function formatValue(value, unit) {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms': return `${value === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ms`;
    case 'bytes': return `${(value / MB).toFixed(value < 10 * MB ? 3 : 1)} MB`;
    case 'cls': return value.toFixed(3);
    default: return String(Math.round(value));
  }
}

/** "median (min–max)", or just the value when every sample is the same. */
function formatStat(stat, unit) {
  if (stat.n === 0) return '—';
  const median = formatValue(stat.median, unit);
  const bare = (v) => formatValue(v, unit).replace(/ (ms|MB)$/, '');
  if (bare(stat.min) === bare(stat.max)) return median;
  return `${median} (${bare(stat.min)}–${bare(stat.max)})`;
}

function formatRatio(r) {
  if (r == null) return '—';
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}

const verdict = (pass) => (pass == null ? 'information' : pass ? '✅ pass' : '❌ fail');

// ---------------------------------------------------------------------------------------------
// Targets

function stat(samples, id, impl) {
  return summarize(samples.get(id, impl));
}

/** [{ target, measured, pass }] against the issue's targets (pass null: information only). */
export function evaluateTargets(sizes, samples) {
  const rows = [];
  const gzipKB = sizes.total.gzip / KB;
  for (const [limit, name] of [[TARGETS.sizeFailKB, 'fails above'], [TARGETS.sizeTargetKB, 'target'], [TARGETS.sizeGoalKB, 'goal']]) {
    rows.push({
      target: `${TOTAL_LABEL}, gzip -9 ≤ ${limit} kB (${name})`,
      measured: formatKB(sizes.total.gzip),
      pass: gzipKB <= limit,
    });
  }
  rows.push({
    target: `\`byline-formats\` module (wasm + glue), gzip -9: ${FORMATS_NOTE}, not in the total`,
    measured: formatKB(sizes.formats.gzip),
    pass: null,
  });
  const r = ratio(stat(samples, 'load.cold.1', 'byline').median, stat(samples, 'load.cold.1', 'vanilla').median);
  rows.push({
    target: `Headline painted ≤ ${TARGETS.headlineVsVanilla}× the vanilla baseline in the same run (cold, 1× CPU, medians)`,
    measured: formatRatio(r),
    pass: r != null && r <= TARGETS.headlineVsVanilla,
  });
  const cached = stat(samples, 'switch.cached.1', 'byline');
  rows.push({
    target: `Cached language switch within one frame, ≤ ${TARGETS.cachedSwitchMs} ms (1× CPU, median, until painted)`,
    measured: formatValue(cached.median, 'ms'),
    pass: cached.median <= TARGETS.cachedSwitchMs,
  });
  const wasm50 = stat(samples, 'wasm.50', 'byline').max;
  rows.push({
    target: `50 instances within ${TARGETS.wasmMemory50MB} MB of wasm memory (worst run)`,
    measured: `${formatValue(wasm50, 'bytes')} (${Math.round(wasm50 / WASM_PAGE)} pages of 64 KiB)`,
    pass: wasm50 <= TARGETS.wasmMemory50MB * MB,
  });
  const longest = Math.max(...['longtask.load.4', 'longtask.interact.4'].flatMap((id) => samples.get(id, 'byline')));
  rows.push({
    target: `No task over ${TARGETS.longTaskMs} ms at 4× CPU throttling (load, switches, carousel; worst run)`,
    measured: longest === 0 ? 'none ≥ 50 ms' : `longest ${formatValue(longest, 'ms')}`,
    pass: longest <= TARGETS.longTaskMs,
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Chart

function escapeXml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** [{ label, ratio }] for the chart: the download, then times and memory. */
function chartData(sizes, samples) {
  const rows = [{ label: `Download (${TOTAL_LABEL}), gzip -9`, ratio: ratio(sizes.total.gzip, sizes.vanilla.gzip) }];
  for (const [id, label] of CHART_ROWS) {
    rows.push({ label, ratio: ratio(stat(samples, id, 'byline').median, stat(samples, id, 'vanilla').median) });
  }
  return rows.filter((row) => row.ratio != null && row.ratio > 0);
}

/** A horizontal bar chart of Byline / vanilla on a log scale, bars starting at 1×. */
export function ratioChartSvg(sizes, samples) {
  const rows = chartData(sizes, samples);
  const width = 820;
  const labelWidth = 290;
  const plotLeft = labelWidth + 10;
  const plotRight = width - 60;
  const top = 48;
  const rowHeight = 26;
  const height = top + rows.length * rowHeight + 36;
  const logs = rows.map((r) => Math.log10(r.ratio));
  const minExp = Math.min(-1, Math.floor(Math.min(...logs)));
  const maxExp = Math.max(1, Math.ceil(Math.max(...logs)));
  const x = (r) => plotLeft + ((Math.log10(r) - minExp) / (maxExp - minExp)) * (plotRight - plotLeft);

  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="12" y="22" font-size="15" font-weight="600" fill="#1a1a1a">Byline / vanilla, medians, log scale: right of 1× = Byline heavier or slower</text>`);
  for (let e = minExp; e <= maxExp; e++) {
    const gx = x(10 ** e);
    const one = e === 0;
    parts.push(`<line x1="${gx}" y1="${top - 8}" x2="${gx}" y2="${height - 28}" stroke="${one ? '#1a1a1a' : '#d9d9d9'}" stroke-width="${one ? 1.5 : 1}"/>`);
    parts.push(`<text x="${gx}" y="${height - 12}" text-anchor="middle" fill="#595959">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}×</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const from = x(1);
    const to = x(row.ratio);
    const worse = row.ratio > 1;
    parts.push(`<text x="${labelWidth}" y="${y + 15}" text-anchor="end" fill="#1a1a1a">${escapeXml(row.label)}</text>`);
    parts.push(`<rect x="${Math.min(from, to)}" y="${y + 4}" width="${Math.max(1, Math.abs(to - from))}" height="${rowHeight - 10}" fill="${worse ? '#c8102e' : '#2e7d32'}" rx="2"/>`);
    const labelX = worse ? to + 5 : to - 5;
    parts.push(`<text x="${labelX}" y="${y + 15}" text-anchor="${worse ? 'start' : 'end'}" fill="#1a1a1a">${escapeXml(formatRatio(row.ratio))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function sizesTable(sizes) {
  const row = (name, s) => [name, formatKB(s.raw), formatKB(s.gzip), formatKB(s.brotli)];
  const cssInside = !sizes.cssFile;
  return table(['File', 'raw', 'gzip -9', 'brotli q11'], [
    row(cssInside ? '`byline-widget_bg.wasm` (widget CSS compiled in)' : '`byline-widget_bg.wasm`', sizes.wasm),
    row('`byline-widget.js` (wasm-bindgen glue)', sizes.glue),
    row('`byline.js` (loader)', sizes.loader),
    ...(cssInside ? [] : [row('`byline.css` (widget CSS)', sizes.cssFile)]),
    row(`**Byline total** (${TOTAL_LABEL})`, sizes.total),
    row(`\`byline-formats_bg.wasm\` + \`byline-formats.js\` (${FORMATS_NOTE}; not in the total)`, sizes.formats),
    ...(cssInside ? [row('`style/byline.css`, minified by build.rs (already inside the wasm; for information)', sizes.css)] : []),
    row('**Vanilla** `bench/vanilla/vanilla.js` (CSS inside)', sizes.vanilla),
    ['**Byline / vanilla**', formatRatio(ratio(sizes.total.raw, sizes.vanilla.raw)),
      formatRatio(ratio(sizes.total.gzip, sizes.vanilla.gzip)), formatRatio(ratio(sizes.total.brotli, sizes.vanilla.brotli))],
  ]);
}

function resultsTable(samples) {
  const rows = [];
  for (const group of METRIC_GROUPS) {
    rows.push([`**${group.title}**`, '', '', '']);
    for (const [id, label, unit, special = {}] of group.rows) {
      const byline = stat(samples, id, 'byline');
      const vanilla = stat(samples, id, 'vanilla');
      const r = special.vanilla ? null : ratio(byline.median, vanilla.median);
      rows.push([label, formatStat(byline, unit), special.vanilla ?? formatStat(vanilla, unit), formatRatio(r)]);
    }
  }
  return table(['Metric', 'Byline', 'Vanilla', 'Byline / vanilla'], rows);
}

// ---------------------------------------------------------------------------------------------
// What the wasm is made of

const TOP_CRATES = 15;
// Beyond this gap the named copy does not stand for the shipped wasm (same build: within ~1 %).
const BUILD_MISMATCH = 0.02;

/** How far "ours vs. library" can be trusted depends on what the symbol names carry. */
const OURS_CAVEAT = {
  legacy: '"Ours" is a lower bound: these are legacy symbol names, which leave out the generic arguments of functions, so most library code monomorphised for our types cannot be told apart by name.',
  v0: 'The names are v0 symbol names, which spell out generic arguments, so library generics instantiated for our types count as ours; code that reaches ours only through `dyn` trait objects or plain data (such as the non-generic core of serde_json) still counts as library.',
};

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

/** A name in a code span that survives a Markdown table. */
const codeCell = (text) => '`' + text.replace(/`/g, "'").replace(/\|/g, '\\|') + '`';

function crateTable(b) {
  const row = (name, bytes, functions) => [name, formatKB(bytes), percent(bytes, b.codeBytes), String(functions)];
  const shown = b.crates.slice(0, TOP_CRATES);
  const rest = b.crates.slice(TOP_CRATES);
  const rows = shown.map((c) => row(c.crate.startsWith('(') ? c.crate : codeCell(c.crate), c.bytes, c.functions));
  if (rest.length > 0) {
    rows.push(row(`other (${rest.length} crates)`, rest.reduce((s, c) => s + c.bytes, 0), rest.reduce((s, c) => s + c.functions, 0)));
  }
  rows.push(row('**all code**', b.codeBytes, b.functionCount));
  return table(['Crate', 'raw', 'share of code', 'functions'], rows);
}

function topFunctionsTable(b) {
  return table(['#', 'Function', 'Crate', 'raw'], b.top.map((f, i) => [
    String(i + 1), codeCell(f.name), f.crate.startsWith('(') ? '—' : f.crate, formatKB(f.bytes),
  ]));
}

/** How the named copy compares to the shipped wasm, with a warning when they are different builds. */
function buildComparison(b) {
  const stripped = b.namedBytes - b.nameSectionBytes;
  const line = `Read from a copy of the release build with its function names kept: cargo's \`byline_widget.wasm\` through wasm-bindgen and \`wasm-opt -Oz -g\` (what \`make build\` does, minus stripping the names). That copy is ${formatKB(b.namedBytes)}, ${formatKB(stripped)} without its name section`;
  if (b.shippedBytes == null) return `${line}; the shipped wasm is missing from dist/.`;
  const gap = stripped / b.shippedBytes - 1;
  const text = `${line}; the shipped \`byline-widget_bg.wasm\` is ${formatKB(b.shippedBytes)} (${gap >= 0 ? '+' : ''}${(100 * gap).toFixed(1)} %).`;
  if (Math.abs(gap) <= BUILD_MISMATCH) return text;
  const newer = b.cargoNewerBySeconds > 0 ? ` cargo's output is ${b.cargoNewerBySeconds} s newer than dist/: another build ran after trunk (a plain \`cargo build\` lacks \`make build\`'s size flags).` : '';
  return `${text}\n\n⚠️ That gap means the two are different builds, so the figures below describe the cargo output, not exactly what ships.${newer} Rerun \`make build\` before the bench.`;
}

/** The "What the wasm is made of" section; `breakdown` is wasmBreakdown()'s result or { error }. */
function wasmSection(b) {
  if (!b || b.error) return [`_Not available in this run: ${b?.error ?? 'not measured'}._`];
  const other = b.namedBytes - b.nameSectionBytes - b.codeBytes - b.dataBytes;
  const segmentCount = b.dataSegments.reduce((s, d) => s + d.segments, 0);
  const segments = b.dataSegments.map((d) => `${d.name} ${formatKB(d.bytes)}`).join(', ');
  const ownCrates = b.crates.filter((c) => c.crate === 'byline_widget' || c.crate === 'byline_model').reduce((s, c) => s + c.bytes, 0);
  return [
    buildComparison(b),
    '',
    `All sizes here are **raw bytes** of that -Oz build, before compression (gzip and brotli shrink code and data by different ratios, so shares of the download differ). Code: **${formatKB(b.codeBytes)}** in ${b.functionCount} function bodies. Data: **${formatKB(b.dataBytes)}** in ${segmentCount} segments (${segments}): string literals, tables, the widget CSS. Everything else (imports, exports, types, the function table, other custom sections, headers): ${formatKB(other)}.`,
    '',
    crateTable(b),
    '',
    '- Each function is counted under the crate that **defines** it, not the one that instantiates it: generic code instantiated for our types (`core::ptr::drop_in_place::<byline_widget::…>`, `core::iter::…::next`) counts under core. `<A as B>::f` counts under A\'s crate, or under B\'s when A is a generic parameter, a primitive or a std type implementing B\'s trait.',
    `- **Ours vs. library** (coarser): functions whose name mentions \`byline_widget\` or \`byline_model\` anywhere, i.e. defined in our crates or instantiated for one of our types, are ${formatKB(b.ours.bytes)} (${percent(b.ours.bytes, b.codeBytes)} of the code, ${b.ours.functions} functions); the library rest is ${formatKB(b.ours.libraryBytes)} (${percent(b.ours.libraryBytes, b.codeBytes)}, ${b.ours.libraryFunctions} functions). Defined in our two crates alone: ${formatKB(ownCrates)} (${percent(ownCrates, b.codeBytes)}). ${OURS_CAVEAT[b.mangling]}`,
    '',
    `Largest ${b.top.length} functions. Hashes are removed; long names lose their inner generic arguments (\`<…>\`), then their middle, so rows that look alike are different instantiations:`,
    '',
    topFunctionsTable(b),
  ];
}

// ---------------------------------------------------------------------------------------------
// The cold critical path

/**
 * The steps of a cold load (measure.mjs PATH_STEPS), their labels, and what each waits on.
 * Rows a vanilla load does not have show "—" in its columns.
 */
const PATH_ROWS = [
  ['insert', 'Loader `<script>` inserted (t0)', 'the host page, parsed up to its last script'],
  ['scriptEnd', 'Loader downloaded (`byline.js`, `vanilla.js`: responseEnd)', 't0: requested at once'],
  ['loaderStart', 'Loader started (`byline:loader-start`)', 'its download, then its turn on the main thread (an async script)'],
  ['glueStart', 'Glue requested', 'the loader: `import()` when the first placeholder mounts'],
  ['glueEnd', 'Glue downloaded (responseEnd)', 'its request'],
  ['glue', 'Glue imported (`byline:glue`)', 'its download, then parsing and evaluating the module'],
  ['wasmStart', 'wasm requested', 'the loader: `fetch()` beside the glue\'s `import()`'],
  ['wasmEnd', 'wasm downloaded (responseEnd)', 'its request'],
  ['wasm', 'wasm compiled and instantiated (`byline:wasm`)', 'the wasm\'s bytes (compiled as they stream in) and the glue\'s imports (instantiation)'],
  ['jsonStart', 'Edition JSON requested', 'Byline: the loader\'s prefetch when the placeholder mounts; vanilla: its script, when it mounts'],
  ['jsonEnd', 'Edition JSON arrived (responseEnd)', 'its request'],
  ['attached', 'Shadow root attached', 'Byline: the instantiated wasm (`mount()`); vanilla: its script'],
  ['ready', 'Widget mounted (`ready` event)', 'the instantiated wasm: `mount()`'],
  ['render', 'Edition rendered (`render` event)', 'mounted and the JSON arrived; then parsing, validating and building the DOM'],
  ['headlineDom', 'Headline in the DOM', 'Byline: the render; vanilla: the JSON, parsed and built'],
  ['headline', 'Headline painted', 'the next frame after the headline entered the DOM'],
  ['paragraph', 'First body paragraph visible (painted)', 'the first frame in which it is laid out and visible'],
];

/** Per-load `later − max(earlier…)` for one implementation and rate (samples pair by load). */
function gaps(samples, rate, impl, later, ...earlier) {
  const series = [later, ...earlier].map((step) => samples.get(`path.cold.${rate}.${step}`, impl));
  const n = series[0].length;
  if (n === 0 || series.some((list) => list.length !== n)) return summarize([]);
  return summarize(series[0].map((value, i) => value - Math.max(...series.slice(1).map((list) => list[i]))));
}

function pathTable(samples, rate) {
  const cell = (id, impl) => {
    const s = stat(samples, id, impl);
    return s.n === 0 ? '—' : formatValue(s.median, 'ms');
  };
  const rows = PATH_ROWS.map(([step, label, waits]) => [
    label,
    cell(`path.cold.${rate}.${step}`, 'byline'),
    step === 'insert' ? '0' : cell(`path.cold.${rate}.${step}.t0`, 'byline'),
    cell(`path.cold.${rate}.${step}`, 'vanilla'),
    step === 'insert' ? '0' : cell(`path.cold.${rate}.${step}.t0`, 'vanilla'),
    waits,
  ]);
  return table(['Step', 'Byline: after navigation', 'after t0', 'Vanilla: after navigation', 'after t0', 'Waits on'], rows);
}

/** What each step of this run waited on, from per-load differences (medians). */
function pathNotes(samples, rate) {
  const ms = (s) => (s.n === 0 ? '—' : formatValue(s.median, 'ms'));
  const g = (impl, later, ...earlier) => gaps(samples, rate, impl, later, ...earlier);
  // "12 ms after" / "12 ms before" for a signed difference.
  const when = (s, what) => (s.n === 0 ? '—' : `${formatValue(Math.abs(s.median), 'ms')} ${s.median >= 0 ? 'after' : 'before'} ${what}`);
  const notes = [];
  if (stat(samples, `path.cold.${rate}.wasm`, 'byline').n > 0) {
    const afterGlue = g('byline', 'wasm', 'glue');
    const afterBytes = g('byline', 'wasm', 'wasmEnd');
    notes.push(`Byline: the loader started ${ms(g('byline', 'loaderStart', 'scriptEnd'))} after its last byte; from its start, the glue was requested after ${ms(g('byline', 'glueStart', 'loaderStart'))}, the wasm after ${ms(g('byline', 'wasmStart', 'loaderStart'))} and the JSON after ${ms(g('byline', 'jsonStart', 'loaderStart'))}.`);
    notes.push(`Byline: the glue was imported ${ms(g('byline', 'glue', 'glueEnd'))} after its last byte, and the wasm's last byte came ${when(g('byline', 'wasmEnd', 'glue'), 'that import')}; the wasm was instantiated ${ms(afterGlue)} after the glue's import and ${ms(afterBytes)} after its own last byte, ${ms(g('byline', 'wasm', 'glue', 'wasmEnd'))} after the later of the two.`);
    notes.push(`Byline: mounted (\`ready\`) ${ms(g('byline', 'ready', 'wasm'))} after instantiation. The JSON arrived ${when(g('byline', 'jsonEnd', 'ready'), '`ready`')} (before: it waited for the widget, off the critical path). \`render\` came ${ms(g('byline', 'render', 'ready', 'jsonEnd'))} after the later of the two (the widget's own parsing, validation and DOM building), the headline was painted ${ms(g('byline', 'headline', 'render'))} after \`render\` and the first paragraph was visible ${ms(g('byline', 'paragraph', 'headline'))} after the headline.`);
  }
  if (stat(samples, `path.cold.${rate}.jsonEnd`, 'vanilla').n > 0) {
    notes.push(`Vanilla: its script's last byte to its JSON request ${ms(g('vanilla', 'jsonStart', 'scriptEnd'))}; JSON arrived to headline painted ${ms(g('vanilla', 'headline', 'jsonEnd'))}; first paragraph visible ${ms(g('vanilla', 'paragraph', 'headline'))} after the headline.`);
  }
  return notes;
}

/** The "Cold critical path" section. */
function criticalPathSection(samples, params) {
  const out = [];
  out.push('Medians over the cold loads of this run, in ms after navigation start (the time origin of `performance.now()`) and after t0, the loader\'s insertion by the host page. Steps are listed in the order their dependencies allow, not in the order they always happen: requests overlap. Sources: the loader\'s `performance.mark`s (`byline:loader-start`, `byline:glue`, `byline:wasm`), Resource Timing (`startTime` for "requested", `responseEnd` for "downloaded" and "arrived"), the widget\'s `ready` and `render` events on the placeholder, the shadow root\'s attachment and the bench\'s paint probes (as for "Headline painted" above). The vanilla baseline has no wasm, no glue, no marks and no events: "—".');
  out.push('');
  for (const rate of params.cpuRates) {
    out.push(`### ${rate}× CPU`);
    out.push('');
    out.push(pathTable(samples, rate));
    out.push('');
    for (const note of pathNotes(samples, rate)) out.push(`- ${note}`);
    out.push('');
  }
  return out;
}

/** Facts worth a reader's attention, computed from this run. */
function observations(sizes, samples, problems, machine, params) {
  const notes = [];
  // The bench alone keeps about two cores busy (Chromium's main and compositor threads, Node).
  const busiest = Math.max(...params.loadAverages);
  if (busiest > machine.cores + 2) {
    notes.push(`The machine was busy with other work: the 1-minute load average reached ${busiest.toFixed(1)} on ${machine.cores} cores (the bench itself accounts for about 2). Expect wide spreads and ratios that move between runs; compare medians from a quiet machine.`);
  }
  const over = sizes.total.gzip / KB - TARGETS.sizeFailKB;
  if (over > 0) {
    notes.push(`The download is ${formatKB(sizes.total.gzip)} gzip, ${over.toFixed(1)} kB over the ${TARGETS.sizeFailKB} kB the size gate allows; the wasm alone is ${formatKB(sizes.wasm.gzip)} gzip (${formatKB(sizes.wasm.raw)} raw), ${Math.round((100 * sizes.wasm.gzip) / sizes.total.gzip)} % of the total.`);
  }
  const wasm50 = stat(samples, 'wasm.50', 'byline').max;
  const pages = Math.round(wasm50 / WASM_PAGE);
  const limit = TARGETS.wasmMemory50MB * MB;
  const mib = TARGETS.wasmMemory50MB * 1048576;
  if (Number.isFinite(wasm50) && Math.abs(wasm50 - limit) <= WASM_PAGE) {
    const verdictSI = wasm50 < limit ? 'passes' : 'fails';
    const verdictMiB = wasm50 < mib ? 'passes' : 'fails';
    notes.push(`wasm memory with 50 instances is on the edge of the ${TARGETS.wasmMemory50MB} MB target: ${pages} pages of 64 KiB at worst (${formatValue(wasm50, 'bytes')}), and it grows by whole pages, depending on how the 50 loads interleave. Read as 4 × 10⁶ bytes (as here) it ${verdictSI}; read as 4 MiB it ${verdictMiB}, with room for ${Math.floor(mib / WASM_PAGE) - pages} more pages.`);
  }
  const fetches = Math.max(
    ...['wasmFetches', 'wasmServed'].flatMap((m) => [1, 10, 50].flatMap((n) => samples.get(`${m}.${n}`, 'byline'))),
  );
  if (Number.isFinite(fetches)) {
    notes.push(fetches === 1
      ? 'One wasm module served every widget on a page: the wasm was fetched once per page with 1, 10 and 50 instances (seen by the browser and by the server).'
      : `The wasm was fetched up to ${fetches} times on one page (1, 10 or 50 instances): it should be fetched once.`);
  }
  const warm = ['byline', 'vanilla'].flatMap((impl) => [1, 4].flatMap((rate) => samples.get(`warm.requests.${rate}`, impl)));
  const warmMax = Math.max(...warm);
  notes.push(warmMax === 0
    ? 'Warm loads were served from the HTTP cache: no request but the page itself reached the server.'
    : `Warm loads sent up to ${warmMax} request(s) besides the page to the server: the warm cache was not fully warm.`);
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    notes.push(`The pages reported ${problems.length} console error(s) or exception(s): ${unique.slice(0, 5).map((p) => '`' + p.slice(0, 200).replace(/`/g, "'") + '`').join('; ')}${unique.length > 5 ? ' …' : ''}`);
  } else {
    notes.push('No console errors or uncaught exceptions in any page.');
  }
  return notes;
}

/**
 * The whole BENCHMARKS.md. `chartPath` is the chart's path relative to the Markdown file;
 * `breakdown` is wasmBreakdown()'s result, or { error } when it could not be made.
 * @param {{ sizes, samples, machine, params, problems: string[], chartPath: string | null, breakdown? }} input
 */
export function renderMarkdown({ sizes, samples, machine, params, problems, chartPath, breakdown }) {
  const targets = evaluateTargets(sizes, samples);
  const judged = targets.filter((t) => t.pass != null);
  const passed = judged.filter((t) => t.pass).length;
  const loadRatio = ratio(stat(samples, 'load.cold.1', 'byline').median, stat(samples, 'load.cold.1', 'vanilla').median);
  const out = [];
  out.push('# Byline benchmarks');
  out.push('');
  out.push('<!-- Generated by `node bench/run.mjs --write BENCHMARKS.md` (make bench). Do not edit by hand: rerun. -->');
  out.push('');
  out.push(`Byline against a minimal hand-written vanilla-JS renderer of the same article JSON ([\`bench/vanilla/vanilla.js\`](bench/vanilla/vanilla.js)), measured side by side in the same run in headless Chromium. Byline downloads **${formatRatio(ratio(sizes.total.gzip, sizes.vanilla.gzip))}** the vanilla bytes (gzip) and paints the headline of a cold load in **${formatRatio(loadRatio)}** its time. ${passed} of ${judged.length} targets pass.`);
  out.push('');
  out.push(`Measured ${machine.date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGB.toFixed(1)} GB), ${machine.browser}, commit ${machine.commit}, ${params.runs} run(s). Every figure below is the median over the runs with (min–max); ratios are Byline / vanilla of the medians.`);
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(table(['Target', 'Measured', 'Result'], targets.map((t) => [t.target, t.measured, verdict(t.pass)])));
  out.push('');
  out.push('The bench reports these; it never fails on them (it exits non-zero only when a measurement breaks). `bench/size-check.mjs` is the size gate that can fail a build.');
  out.push('');
  if (chartPath) {
    out.push(`![Byline / vanilla ratios, log scale](${chartPath})`);
    out.push('');
  }
  out.push('## Transfer size');
  out.push('');
  out.push(sizesTable(sizes));
  out.push('');
  out.push('Each file compressed on its own (they are fetched separately) with node:zlib: gzip level 9, brotli quality 11. 1 kB = 1000 bytes. The article JSON and images are the same for both and not counted.');
  out.push('');
  out.push('## What the wasm is made of');
  out.push('');
  for (const line of wasmSection(breakdown)) out.push(line);
  out.push('');
  out.push('## Speed, main thread, memory');
  out.push('');
  out.push(resultsTable(samples));
  out.push('');
  out.push('## Cold critical path');
  out.push('');
  for (const line of criticalPathSection(samples, params)) out.push(line);
  out.push('## What stood out in this run');
  out.push('');
  for (const note of observations(sizes, samples, problems, machine, params)) out.push(`- ${note}`);
  out.push('');
  out.push('## How it is measured');
  out.push('');
  for (const line of METHOD) out.push(`- ${line}`);
  out.push('');
  out.push('## Machine and parameters');
  out.push('');
  out.push(table(['', ''], [
    ['CPU', `${machine.cpu}, ${machine.cores} cores`],
    ['Memory', `${machine.memoryGB.toFixed(1)} GB`],
    ['OS', machine.os],
    ['Browser', machine.browser],
    ['Node', machine.node],
    ['Commit', machine.commit],
    ['Date', machine.date],
    ['Runs', `${params.runs} (BENCH_RUNS); interactions: ${params.switchesPerRun} language switches each way and ${params.carouselSteps} carousel steps per run`],
    ['Viewport', `${params.viewport.width}×${params.viewport.height}, device scale factor ${params.deviceScaleFactor}, \`prefers-reduced-motion: ${params.reducedMotion}\``],
    ['CPU throttling', params.cpuRates.map((r) => `${r}×`).join(', ') + ' (CDP `Emulation.setCPUThrottlingRate`)'],
    ['Instances (memory)', params.instanceCounts.join(', ') + ', all `data-loading="eager"`'],
    ['Network', '127.0.0.1, one origin, no network throttling, uncompressed responses; assets and data `Cache-Control: public, max-age=31536000` + ETag, pages `no-store`'],
    ['Chromium flags', params.chromiumArgs.map((a) => '`' + a + '`').join(' ')],
    ['Duration', `${params.durationSeconds.toFixed(0)} s for the whole bench`],
    ['Load average (1 min)', `${params.loadAverages[0].toFixed(2)} before the bench; after each run: ${params.loadAverages.slice(1).map((l) => l.toFixed(2)).join(', ')}`],
  ]));
  out.push('');
  out.push('## Running it');
  out.push('');
  out.push('```sh');
  out.push('make bench                    # release build, then 7 runs; rewrites BENCHMARKS.md and bench/chart.svg');
  out.push('BENCH_RUNS=1 make bench       # the CI variant: one run (a minute or so)');
  out.push('node bench/run.mjs --runs 3   # on an existing build; prints the report instead of writing it');
  out.push('node bench/run.mjs --runs 3 --json bench-results.json   # also every raw sample');
  out.push('node bench/size-check.mjs     # the size gate alone: exits 1 over BYLINE_SIZE_BUDGET_KB (make passes SIZE_BUDGET_KB, see the Makefile)');
  out.push('```');
  out.push('');
  out.push('Chromium is Debian\'s (`/usr/bin/chromium`, or `CHROMIUM=...`), driven by playwright-core through `tests/e2e/harness.mjs`; nothing is downloaded. Close other heavy work first: the machine\'s load shows up in every time.');
  out.push('');
  return out.join('\n');
}

/** Methodology, stated once so the numbers can be read right. */
const METHOD = [
  'Both implementations are loaded the same way: the host page (`bench/lib/pages.mjs`) records t0 = `performance.now()` in a tiny inline script and inserts the entry `<script>` (`byline.js`, or `vanilla.js`). The placeholder carries fallback content and the page reserves `min-height: 70em` for it, as `docs/publisher-guide.md` recommends.',
  '"Headline painted": a MutationObserver on every new shadow root (the page wraps `attachShadow`) notes when `.byline-headline` appears; then the page waits for the next animation frame and the first task after it (rAF + MessageChannel), so the time includes the style, layout and paint of that frame.',
  'Cold cache: a new browser context per load. Warm cache: a second page in the same context after the cold one; the bench server sends a one-year max-age and an ETag, and the run checks that no asset request reached the server (notes above). Chromium may also reuse its compiled-wasm cache on the warm load.',
  'Language switch: the language `<select>` is set and gets `input` and `change` events, as a reader\'s choice would; timed until the headline text changed and painted. Uncached: to es, en, uk (fetched over HTTP: the widget has not seen them). Cached: back to de after each (each widget keeps the editions it fetched). "Painted" includes waiting for the next frame (up to 16.7 ms at 60 Hz), so the DOM time is shown too.',
  'CPU throttling (CDP) slows the page\'s main thread only: work Chromium does on other threads, such as streaming wasm compilation, network and image decoding, runs at full speed. At 4× this favours Byline, whose wasm compiles off the main thread.',
  'Carousel step: a click on `.byline-carousel__next`, until the first slide whose left edge is inside the track changes, then painted. Reduced motion is emulated for every page, so both scroll instantly instead of smoothly.',
  'Longest task: PerformanceObserver `longtask` (tasks ≥ 50 ms; 0 when there are none), during load (until 500 ms after the headline painted) and during the interactions.',
  'Memory: `HeapProfiler.collectGarbage` twice, then `Runtime.getHeapUsage` (usedSize), minus the same for the same page with the placeholders but no widget script. wasm memory: the page imports `byline-widget.js` again and calls its `default()` init, which returns the cached exports, then reads `memory.buffer.byteLength`. wasm fetches are counted by the browser (cache hits included) and by the server.',
  '"First body paragraph visible": the same MutationObserver notes when the first `.byline-paragraph` appears; from then on the page checks it at every animation frame, and once it has a non-empty box and `checkVisibility({ opacityProperty: true, visibilityProperty: true })` is true, the first task after that frame is the time. "Navigation →" times are `performance.now()`, whose origin is the navigation\'s start; the other load times count from t0.',
  'The bench waits for and reads the page over a raw CDP session (`Runtime.evaluate`), never with Playwright\'s `page.evaluate` or `waitForFunction` during a load: their first use in a page injects Playwright\'s own scripts, over 100 ms of main-thread work at 4× CPU, which would land inside the load being measured (and, for memory, in the JS heap).',
  'Cold critical path: per cold load, the loader\'s `byline:` marks, Resource Timing of the entry script, glue, wasm and edition JSON, `ready` and `render` (a capturing listener on the document) and the paint probes, read 500 ms after the headline painted. Its notes pair the steps of each load and give medians of the differences, so they need not equal differences of the table\'s medians.',
  'CLS: PerformanceObserver `layout-shift` (buffered), summed without shifts after input, until 500 ms after the headline painted.',
  'The vanilla renderer is deliberately minimal (a few hundred lines, CSS included): no lazy mounting, retries, timeouts, validation, typographic quotes, 12-language UI, inert off-screen slides or live announcements, and it re-renders the whole article on a switch. Its numbers are a floor, not a competitor.',
  'Runs alternate which implementation goes first, so warm-up effects do not favour one side.',
];
