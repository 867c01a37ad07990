// A twiggy-style breakdown of the widget's wasm: which crates and which functions take the
// bytes. Rebuilds a copy of the shipped wasm with its names kept (wasm-bindgen, then wasm-opt
// -Oz -g, as trunk does minus the stripping) and reads the binary itself: no extra tools.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BYLINE_FILES, repoRoot } from './sizes.mjs';
import { dropUnusedExports } from '../../scripts/drop-unused-exports.mjs';

/** cargo's output before wasm-bindgen and wasm-opt; `make build` leaves it behind. */
export const CARGO_WASM = path.join(repoRoot, 'target', 'wasm32-unknown-unknown', 'release', 'byline_widget.wasm');

// The wasm features the shipped build uses; without them wasm-opt rejects the module.
const WASM_OPT_ARGS = [
  '-Oz', '-g',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types',
];

const TOP_FUNCTIONS = 20;
const NAME_MAX = 120;
const OUR_CRATES = ['byline_widget', 'byline_model'];
const UNNAMED = '(unnamed: added by wasm-opt, e.g. merged similar functions)';

// ---------------------------------------------------------------------------------------------
// Building the named wasm

function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new Error(`${tool} is not on PATH (run the bench through make, which puts the tool cache and node_modules/.bin first)`);
    }
    throw new Error(`${tool} failed: ${String(error.stderr || error.message).trim().split('\n').slice(-3).join(' / ')}`);
  }
}

/** wasm-bindgen + wasm-opt -Oz -g on a copy of cargo's output; returns the named wasm's bytes. */
function buildNamedWasm() {
  if (!existsSync(CARGO_WASM)) {
    throw new Error(`${path.relative(repoRoot, CARGO_WASM)} is missing; run \`make build\` first`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-wasm-'));
  try {
    // A copy, so that a cargo build running meanwhile cannot change the file under our feet.
    const input = path.join(dir, 'byline_widget.wasm');
    copyFileSync(CARGO_WASM, input);
    run('wasm-bindgen', ['--target', 'web', '--out-dir', dir, input]);
    const named = path.join(dir, 'named.wasm');
    run('wasm-opt', [...WASM_OPT_ARGS, path.join(dir, 'byline_widget_bg.wasm'), '-o', named]);
    // As the release build's post-build hook does (scripts/post-build.mjs).
    const glue = readFileSync(path.join(dir, 'byline_widget.js'), 'utf8');
    return Buffer.from(dropUnusedExports(readFileSync(named), glue, { keepNames: true }).wasm);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the binary (https://webassembly.github.io/spec/core/binary/)

class Reader {
  constructor(buffer, pos = 0) {
    this.buffer = buffer;
    this.pos = pos;
  }

  byte() {
    return this.buffer[this.pos++];
  }

  /** Unsigned LEB128; arithmetic instead of bit shifts so u64 limits do not overflow. */
  leb() {
    let result = 0;
    let scale = 1;
    let b;
    do {
      b = this.byte();
      result += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return result;
  }

  /** Signed LEB128 of a const expression: only skipped, same encoding length. */
  skipLeb() {
    while (this.byte() & 0x80);
  }

  name() {
    const length = this.leb();
    const text = this.buffer.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return text;
  }

  /** Skips a constant expression (a data segment's offset) up to its `end`. */
  skipConstExpr() {
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return; // end
      if (op === 0x41 || op === 0x42) this.skipLeb(); // i32.const, i64.const
      else if (op === 0x23) this.leb(); // global.get
      else if (![0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(op)) { // extended-const arithmetic
        throw new Error(`unexpected opcode 0x${op.toString(16)} in a data segment offset`);
      }
    }
  }
}

/** Only function imports shift function indices; the other kinds are skipped. */
function countImportedFunctions(r) {
  let functions = 0;
  for (let i = r.leb(); i > 0; i--) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === 0) { functions++; r.leb(); } // function: type index
    else if (kind === 1) { r.byte(); skipLimits(r); } // table: reftype, limits
    else if (kind === 2) skipLimits(r); // memory
    else if (kind === 3) { r.byte(); r.byte(); } // global: valtype, mutability
    else if (kind === 4) { r.byte(); r.leb(); } // tag
    else throw new Error(`unknown import kind ${kind}`);
  }
  return functions;
}

function skipLimits(r) {
  const flags = r.byte();
  r.leb();
  if (flags & 1) r.leb();
}

/** Each function's size: its body plus the length prefix, so they add up to the section. */
function functionSizes(r, end) {
  const sizes = [];
  for (let i = r.leb(); i > 0; i--) {
    const start = r.pos;
    const length = r.leb();
    r.pos += length;
    sizes.push(r.pos - start);
  }
  if (r.pos !== end) throw new Error('code section size mismatch');
  return sizes;
}

/** Each data segment's payload size (active segments: memory index and offset skipped). */
function dataSizes(r) {
  const sizes = [];
  for (let i = r.leb(); i > 0; i--) {
    const flags = r.leb();
    if (flags === 2) r.leb();
    if (flags !== 1) r.skipConstExpr();
    const length = r.leb();
    r.pos += length;
    sizes.push(length);
  }
  return sizes;
}

function nameMap(r) {
  const map = new Map();
  for (let i = r.leb(); i > 0; i--) {
    const index = r.leb();
    map.set(index, r.name());
  }
  return map;
}

/** The "name" custom section: function names (subsection 1), data segment names (9). */
function readNames(r, end, names) {
  while (r.pos < end) {
    const id = r.byte();
    const size = r.leb();
    const next = r.pos + size;
    if (id === 1) names.functions = nameMap(r);
    else if (id === 9) names.data = nameMap(r);
    r.pos = next;
  }
}

/** The parts of a module the breakdown needs. */
export function parseWasm(buffer) {
  if (buffer.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const r = new Reader(buffer, 8);
  const module = { importedFunctions: 0, functions: [], data: [], nameSectionBytes: 0, names: { functions: new Map(), data: new Map() } };
  while (r.pos < buffer.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.leb();
    const end = r.pos + size;
    if (id === 2) module.importedFunctions = countImportedFunctions(r);
    else if (id === 10) module.functions = functionSizes(r, end);
    else if (id === 11) module.data = dataSizes(r);
    else if (id === 0 && r.name() === 'name') {
      module.nameSectionBytes = end - start; // with its header: what stripping would remove
      readNames(r, end, module.names);
    }
    r.pos = end;
  }
  return module;
}

// ---------------------------------------------------------------------------------------------
// Names and crates

const LEGACY_HASH = /::h[0-9a-f]{16}$/;

/** Drops the legacy `::h0123…` suffix and v0 `[0123…]` crate disambiguators. */
export function stripHashes(name) {
  return name.replace(LEGACY_HASH, '').replace(/\[[0-9a-f]+\]/g, '');
}

/** The first path segment of `text` if it is a path (`crate::…`), else null (`T`, `&str`, `(A,B)`). */
function leadingCrate(text) {
  const match = /^(?:&|mut |\*const |\*mut |dyn |impl )*([A-Za-z_][A-Za-z0-9_]*)::/.exec(text);
  return match ? match[1] : null;
}

/** Index of the `>` closing the `<` at `open`, and of a top-level ` as ` in between. */
function splitQualified(name, open) {
  let depth = 0;
  let as = -1;
  for (let i = open; i < name.length; i++) {
    const c = name[i];
    if (c === '<') depth++;
    else if (c === '>' && name[i - 1] !== '-') { // `->` in fn types is not a bracket
      if (--depth === 0) return { close: i, as };
    } else if (depth === 1 && as < 0 && name.startsWith(' as ', i)) as = i;
  }
  return { close: name.length, as };
}

const STD_CRATES = new Set(['core', 'alloc', 'std']);
const BUILTINS = /^(mem(cpy|set|move|cmp)|bcmp|__(multi|divti|udivti|modti|umodti|ashl|ashr|lshr)\d.*)$/;

/**
 * The crate a function is counted under: where its code is defined. `<A as B>::f` and
 * `<A>::f` go to A's crate, or to B's when A is not a path (a generic `T`, `&str`, a tuple);
 * `core::ptr::drop_in_place<byline_widget::…>` stays with core, wherever it was instantiated.
 */
export function crateOf(rawName) {
  // wasm-bindgen names every function; wasm-opt's new ones (merged similar bodies) have none.
  if (!rawName) return UNNAMED;
  const name = stripHashes(rawName);
  if (name.startsWith('<')) {
    const { close, as } = splitQualified(name, 0);
    const self = name.slice(1, as >= 0 ? as : close);
    const selfCrate = leadingCrate(self);
    const traitCrate = as >= 0 ? leadingCrate(name.slice(as + 4, close)) : null;
    // The standard library cannot implement a library's trait: that impl lives in the library.
    if (STD_CRATES.has(selfCrate) && traitCrate && !STD_CRATES.has(traitCrate)) return traitCrate;
    return selfCrate ?? traitCrate ?? 'core';
  }
  const crate = leadingCrate(name);
  if (crate) return crate;
  if (BUILTINS.test(name)) return 'compiler_builtins';
  // Export wrappers, wasm-bindgen's runtime exports and the adapters its CLI generates.
  return '(unmangled: exports, wasm-bindgen shims)';
}

/** Code instantiated for our types counts as ours, even when a library defines it. */
export function isOurs(rawName) {
  return OUR_CRATES.some((crate) => rawName?.includes(crate));
}

/** `name` with the contents of `<…>` nested deeper than `keep` levels replaced by `…`. */
function elideGenerics(name, keep) {
  let depth = 0;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<') {
      depth++;
      if (depth <= keep + 1) out += depth === keep + 1 ? '<…' : '<';
    } else if (c === '>' && name[i - 1] !== '-') { // `->` in fn types is not a bracket
      if (depth <= keep + 1) out += '>';
      depth--;
    } else if (depth <= keep) {
      out += c;
    }
  }
  return out;
}

/**
 * Hashes removed; a long name loses its innermost generic arguments first, so that the path
 * and the method stay readable, and is cut in the middle only as a last resort.
 */
export function shortName(rawName, max = NAME_MAX) {
  let name = rawName ? stripHashes(rawName) : UNNAMED;
  for (let keep = 8; keep >= 1 && name.length > max; keep--) name = elideGenerics(name, keep);
  if (name.length <= max) return name;
  const tail = Math.floor(max * 0.4);
  return `${name.slice(0, max - tail - 1)}…${name.slice(-tail)}`;
}

// ---------------------------------------------------------------------------------------------
// The breakdown

/** [{ crate, bytes, functions }] largest first. */
function byCrate(functions) {
  const crates = new Map();
  for (const { name, bytes } of functions) {
    const crate = crateOf(name);
    const entry = crates.get(crate) ?? { crate, bytes: 0, functions: 0 };
    entry.bytes += bytes;
    entry.functions += 1;
    crates.set(crate, entry);
  }
  return [...crates.values()].sort((a, b) => b.bytes - a.bytes);
}

/** Data segments grouped by name without the `.N` suffix (`.rodata`, `.data`). */
function byDataSegment(module) {
  const groups = new Map();
  module.data.forEach((bytes, i) => {
    const name = (module.names.data.get(i) ?? '(unnamed)').replace(/\.\d+$/, '');
    const entry = groups.get(name) ?? { name, bytes: 0, segments: 0 };
    entry.bytes += bytes;
    entry.segments += 1;
    groups.set(name, entry);
  });
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

function oursVsLibrary(functions, codeBytes) {
  const ours = functions.filter((f) => isOurs(f.name));
  const bytes = ours.reduce((sum, f) => sum + f.bytes, 0);
  return {
    bytes,
    functions: ours.length,
    share: bytes / codeBytes,
    libraryBytes: codeBytes - bytes,
    libraryFunctions: functions.length - ours.length,
  };
}

/** Analyses an already named wasm (exported for tests and ad-hoc use). */
export function analyzeWasm(buffer) {
  const module = parseWasm(buffer);
  const functions = module.functions.map((bytes, i) => ({
    name: module.names.functions.get(module.importedFunctions + i) ?? null,
    bytes,
  }));
  const codeBytes = functions.reduce((sum, f) => sum + f.bytes, 0);
  const top = [...functions].sort((a, b) => b.bytes - a.bytes).slice(0, TOP_FUNCTIONS)
    .map((f) => ({ name: shortName(f.name), bytes: f.bytes, crate: crateOf(f.name) }));
  // Legacy symbol names (`…::h0123…`) leave out generic arguments; v0 names keep them.
  const named = functions.filter((f) => f.name);
  const legacy = named.filter((f) => LEGACY_HASH.test(f.name)).length;
  return {
    mangling: legacy > named.length / 2 ? 'legacy' : 'v0',
    namedBytes: buffer.length,
    nameSectionBytes: module.nameSectionBytes,
    codeBytes,
    functionCount: functions.length,
    dataBytes: module.data.reduce((sum, n) => sum + n, 0),
    dataSegments: byDataSegment(module),
    crates: byCrate(functions),
    top,
    ours: oursVsLibrary(functions, codeBytes),
  };
}

/**
 * The breakdown of today's build: `{ namedBytes, shippedBytes, codeBytes, dataBytes, crates,
 * top, ours, … }`. Throws when the cargo output or a tool is missing.
 */
export function wasmBreakdown() {
  const result = analyzeWasm(buildNamedWasm());
  const shipped = existsSync(BYLINE_FILES.wasm) ? statSync(BYLINE_FILES.wasm) : null;
  // The two come from different builds when cargo ran again after trunk: say so in the report.
  const cargoNewer = shipped ? statSync(CARGO_WASM).mtimeMs - shipped.mtimeMs : 0;
  return { ...result, shippedBytes: shipped?.size ?? null, cargoNewerBySeconds: Math.max(0, Math.round(cargoNewer / 1000)) };
}
