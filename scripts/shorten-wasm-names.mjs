// Shortens the names a wasm-bindgen module and its glue use to talk to each other: imports such
// as `__wbg_setAttribute_f75317b2b5cabfb4` and exports such as
// `wasm_bindgen_…___convert__closures_____invoke___…` become `$0`, `$1`, … in both files.
// The hashes in those names do not compress: about 5 kB gzip across the two files.
//
// Only names that are unmistakably wasm-bindgen's (a 16-hex-digit hash, or the `wasm_bindgen_`
// prefix) are renamed, and in the glue only whole identifiers equal to one, so nothing else
// changes. `memory` and the glue's public functions keep their names.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. (Skips a signed one just as well.) */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('truncated wasm');
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const encodeName = (name) => {
  const bytes = encoder.encode(name);
  return [...leb(bytes.length), ...bytes];
};

const RENAMED = /_[0-9a-f]{16}(_|$)|^wasm_bindgen_/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const TOKENS = /[A-Za-z0-9_$]+/g;

/**
 * The wasm with its import and export names shortened, and the glue to match.
 * @param {Uint8Array} wasm
 * @param {string} glue
 * @returns {{ wasm: Uint8Array, glue: string, renamed: number }}
 */
export function shortenWasmNames(wasm, glue) {
  const names = new Map();
  // A short name must not be a word the glue already uses.
  const taken = new Set(glue.match(TOKENS));
  let next = 0;
  const shorten = (name) => {
    if (!RENAMED.test(name) || !IDENTIFIER.test(name)) return name;
    if (!names.has(name)) {
      let short;
      do short = `$${(next++).toString(36)}`; while (taken.has(short));
      names.set(name, short);
    }
    return names.get(name);
  };
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (end > wasm.length) throw new Error('truncated wasm');
    let payload = wasm.subarray(start, end);
    if (id === 2 || id === 7) payload = renameSection(id, payload, shorten);
    parts.push(Uint8Array.from([id, ...leb(payload.length)]), payload);
    at = end;
  }
  const renamedGlue = glue.replace(TOKENS, (token) => names.get(token) ?? token);
  return { wasm: Buffer.concat(parts), glue: renamedGlue, renamed: names.size };
}

/** The import (2) or export (7) section `payload` with `shorten` applied to its names. */
function renameSection(id, payload, shorten) {
  const readName = (at) => {
    const [length, start] = readLeb(payload, at);
    return [decoder.decode(payload.subarray(start, start + length)), start + length];
  };
  let [count, at] = readLeb(payload, 0);
  const out = [...leb(count)];
  while (count--) {
    let module, name;
    if (id === 2) {
      [module, at] = readName(at);
      out.push(...encodeName(module));
    }
    [name, at] = readName(at);
    out.push(...encodeName(shorten(name)));
    // The rest of the entry (kind and description) is copied as it is.
    const rest = at;
    at = skipDescription(id, payload, at);
    out.push(...payload.subarray(rest, at));
  }
  if (at !== payload.length) throw new Error(`section ${id} does not end where its size says`);
  return Uint8Array.from(out);
}

/** Past one import's or export's kind and description. */
function skipDescription(id, payload, at) {
  const kind = payload[at++];
  const skipLeb = () => {
    [, at] = readLeb(payload, at);
  };
  const skipLimits = () => {
    const flags = payload[at++];
    skipLeb();
    if (flags & 1) skipLeb();
  };
  if (id === 7) {
    skipLeb(); // the index, whatever the kind
    return at;
  }
  // A value or reference type: one byte, or 0x63/0x64 and a heap type (typed references).
  const skipType = () => {
    const type = payload[at++];
    if (type === 0x63 || type === 0x64) skipLeb();
  };
  switch (kind) {
    case 0: skipLeb(); break; // function: type index
    case 1: skipType(); skipLimits(); break; // table: reference type, limits
    case 2: skipLimits(); break; // memory
    case 3: skipType(); at++; break; // global: value type, mutability
    case 4: at++; skipLeb(); break; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
  return at;
}
