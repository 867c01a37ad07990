// wasm-bindgen exports every `#[wasm_bindgen]` type of every dependency, used or not: Leptos's
// server functions (always compiled in) bring wasm-streams' stream adapters, which nothing on a
// Byline page calls. This drops their classes from the glue, then every export of the wasm the
// glue no longer names, and lets binaryen remove the code only those exports reached.
import binaryen from 'binaryen';

const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const TOKENS = /[A-Za-z0-9_$]+/g;

/** `glue` without `export class name{…}` and its `Symbol.dispose` line; throws if absent. */
function withoutClass(glue, name) {
  const start = glue.indexOf(`export class ${name}{`);
  if (start < 0) throw new Error(`drop-unused-exports: no class ${name} in the glue`);
  let depth = 0;
  let end = glue.indexOf('{', start);
  do {
    if (glue[end] === '{') depth++;
    else if (glue[end] === '}') depth--;
    end++;
  } while (depth > 0 && end < glue.length);
  const dispose = `Symbol.dispose&&(${name}.prototype[Symbol.dispose]=${name}.prototype.free);`;
  const rest = glue.slice(end);
  if (!rest.startsWith(dispose)) throw new Error(`drop-unused-exports: ${name} is not followed by its dispose line`);
  return glue.slice(0, start) + rest.slice(dispose.length);
}

/**
 * The glue without the unused classes, and the wasm without the exports only they used.
 * @param {Uint8Array} wasm
 * @param {string} glue
 * @returns {{ wasm: Uint8Array, glue: string, dropped: string[] }}
 */
export function dropUnusedExports(wasm, glue) {
  if (!UNUSED_CLASSES.some((name) => glue.includes(`export class ${name}{`))) {
    return { wasm, glue, dropped: [] };
  }
  const trimmed = UNUSED_CLASSES.reduce(withoutClass, glue);
  const named = new Set(trimmed.match(TOKENS));
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
