// wasm-bindgen exports every `#[wasm_bindgen]` type of every dependency, used or not: Leptos's
// server functions (always compiled in) bring wasm-streams' stream adapters, which nothing on a
// Byline page calls. This drops their classes from the glue, then every export of the wasm the
// glue no longer names, and lets binaryen remove the code only those exports reached.
import binaryen from 'binaryen';

const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const TOKENS = /[A-Za-z0-9_$]+/g;

/**
 * `glue` without `export class name {…}` and the `Symbol.dispose` line after it, in
 * wasm-bindgen's output as it is or minified; throws if they are not there.
 */
function withoutClass(glue, name) {
  const head = new RegExp(`export class ${name}\\s*\\{`).exec(glue);
  if (!head) throw new Error(`drop-unused-exports: no class ${name} in the glue`);
  let depth = 0;
  let end = head.index + head[0].length - 1;
  do {
    if (glue[end] === '{') depth++;
    else if (glue[end] === '}') depth--;
    end++;
  } while (depth > 0 && end < glue.length);
  const free = `${name}\\.prototype\\[Symbol\\.dispose\\]\\s*=\\s*${name}\\.prototype\\.free`;
  const dispose = new RegExp(`^\\s*(Symbol\\.dispose&&\\(${free}\\);|if \\(Symbol\\.dispose\\) ${free};)`).exec(glue.slice(end));
  if (!dispose) throw new Error(`drop-unused-exports: ${name} is not followed by its dispose line`);
  return glue.slice(0, head.index) + glue.slice(end + dispose[0].length);
}

/**
 * The glue without the unused classes, and the wasm without the exports only they used.
 * `keepNames` keeps the name section (the bench's breakdown reads it).
 * @param {Uint8Array} wasm
 * @param {string} glue
 * @returns {{ wasm: Uint8Array, glue: string, dropped: string[] }}
 */
export function dropUnusedExports(wasm, glue, { keepNames = false } = {}) {
  if (!UNUSED_CLASSES.some((name) => new RegExp(`export class ${name}\\b`).test(glue))) {
    return { wasm, glue, dropped: [] };
  }
  const trimmed = UNUSED_CLASSES.reduce(withoutClass, glue);
  const named = new Set(trimmed.match(TOKENS));
  binaryen.setDebugInfo(keepNames);
  const module = binaryen.readBinary(wasm);
  // What wasm-bindgen and trunk's wasm-opt emit, and nothing newer (the name shortener and
  // browsers read the result).
  const { BulkMemory, NontrappingFPToInt, SignExt, MutableGlobals, ReferenceTypes, Multivalue } = binaryen.Features;
  module.setFeatures(BulkMemory | NontrappingFPToInt | SignExt | MutableGlobals | ReferenceTypes | Multivalue);
  const dropped = [];
  for (let i = module.getNumExports() - 1; i >= 0; i--) {
    const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
    if (!named.has(name)) {
      module.removeExport(name);
      dropped.push(name);
    }
  }
  module.runPasses(['remove-unused-module-elements']);
  const out = module.emitBinary();
  module.dispose();
  return { wasm: out, glue: trimmed, dropped };
}
