// Transfer sizes of the bundles: raw, gzip -9 and brotli q11 (node:zlib), as a CDN would
// serve them. Shared by run.mjs (the report) and size-check.mjs (the budget gate).

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
export const distDir = path.join(repoRoot, 'dist');

/** 1 kB = 1000 bytes throughout the bench (stricter than KiB against a budget). */
export const KB = 1000;

/** Byline's shipped files, in dist/ after `make build`. */
export const BYLINE_FILES = {
  wasm: path.join(distDir, 'byline-widget_bg.wasm'),
  glue: path.join(distDir, 'byline-widget.js'),
  loader: path.join(distDir, 'byline.js'),
};

/**
 * The widget's stylesheet as a file of its own, if a build ships one (counted in the total
 * then). Today's build has none: build.rs minifies the CSS into the wasm.
 */
export const BYLINE_CSS_FILE = path.join(distDir, 'byline.css');

/** What the total counts, for the report and the size gate. */
export const TOTAL_LABEL = 'wasm + glue + loader + CSS';

/** The JSON-LD and JSON Feed module: fetched only by pages that use those formats. */
export const FORMATS_FILES = {
  wasm: path.join(distDir, 'byline-formats_bg.wasm'),
  glue: path.join(distDir, 'byline-formats.js'),
};

/** What the `formats` row says about when it is downloaded. */
export const FORMATS_NOTE = 'loaded only for JSON-LD and JSON Feed sources';

/** The widget CSS as written; build.rs minifies it into the wasm (include_str!). */
export const BYLINE_CSS = path.join(repoRoot, 'style', 'byline.css');

/**
 * The minified CSS the release wasm holds: the newest build.rs output (there is one folder per
 * build configuration), else the stylesheet as written.
 */
function shippedCss() {
  const buildDir = path.join(repoRoot, 'target', 'wasm32-unknown-unknown', 'release', 'build');
  const outputs = (existsSync(buildDir) ? readdirSync(buildDir) : [])
    .filter((name) => name.startsWith('byline-widget-'))
    .map((name) => path.join(buildDir, name, 'out', 'byline.min.css'))
    .filter((file) => existsSync(file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return outputs[0] ?? BYLINE_CSS;
}

/** The vanilla baseline: one file, its CSS inside. */
export const VANILLA_FILE = path.join(benchDir, 'vanilla', 'vanilla.js');

/** { raw, gzip, brotli } in bytes for a buffer. */
export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

/** Sizes of one file; throws with a hint when it is missing (run `make build` first). */
export function fileSizes(file) {
  let buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${path.relative(repoRoot, file)} (${error.code}); run \`make build\` first`);
  }
  return compressedSizes(buffer);
}

/** Sum of several { raw, gzip, brotli } (files are fetched, so compressed, separately). */
export function sumSizes(list) {
  return list.reduce(
    (sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/**
 * Every size the report needs. `total` is what every page downloads for Byline: wasm + glue +
 * loader + CSS (`cssFile`, when the build ships the stylesheet as a file; otherwise it travels
 * inside the wasm and is not added again). `formats` (wasm + glue of the JSON-LD and JSON Feed
 * module) is downloaded on top only by pages using those formats.
 */
export function measureSizes() {
  const wasm = fileSizes(BYLINE_FILES.wasm);
  const glue = fileSizes(BYLINE_FILES.glue);
  const loader = fileSizes(BYLINE_FILES.loader);
  const cssFile = existsSync(BYLINE_CSS_FILE) ? fileSizes(BYLINE_CSS_FILE) : null;
  const css = cssFile ?? fileSizes(shippedCss());
  const vanilla = fileSizes(VANILLA_FILE);
  const formats = sumSizes([fileSizes(FORMATS_FILES.wasm), fileSizes(FORMATS_FILES.glue)]);
  const total = sumSizes([wasm, glue, loader, ...(cssFile ? [cssFile] : [])]);
  return { wasm, glue, loader, css, cssFile, total, formats, vanilla };
}

/** 12345 -> "12.3 kB". */
export function formatKB(bytes) {
  return `${(bytes / KB).toFixed(1)} kB`;
}
