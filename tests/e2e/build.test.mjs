// The release build's files: wasm-bindgen's long import and export names are shortened
// (scripts/shorten-wasm-names.mjs) consistently in each wasm module and its glue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir } from './harness.mjs';
import { shortenWasmNames } from '../../scripts/shorten-wasm-names.mjs';

const HASHED = /_[0-9a-f]{16}(_|$)|^wasm_bindgen_/;

for (const name of ['byline-widget', 'byline-formats']) {
  test(`${name}: no hashed names left, and the glue provides every import`, async () => {
    const wasm = readFileSync(path.join(distDir, `${name}_bg.wasm`));
    const glue = readFileSync(path.join(distDir, `${name}.js`), 'utf8');
    const module = await WebAssembly.compile(wasm);
    const imports = WebAssembly.Module.imports(module);
    const exports = WebAssembly.Module.exports(module);
    assert.ok(imports.length > 10);
    assert.deepEqual([...imports, ...exports].map((i) => i.name).filter((n) => HASHED.test(n)), []);
    const tokens = new Set(glue.match(/[A-Za-z0-9_$]+/g));
    assert.deepEqual(imports.map((i) => i.name).filter((n) => !tokens.has(n)), []);
    // Shortening again changes nothing; a truncated module is refused, not passed on.
    const again = shortenWasmNames(wasm, glue);
    assert.equal(again.renamed, 0);
    assert.deepEqual(Buffer.from(again.wasm), wasm);
    assert.throws(() => shortenWasmNames(wasm.subarray(0, wasm.length - 7), glue), /truncated|size/);
  });
}

test('byline-widget: no export the glue never calls (wasm-streams adapters dropped)', async () => {
  const wasm = readFileSync(path.join(distDir, 'byline-widget_bg.wasm'));
  const glue = readFileSync(path.join(distDir, 'byline-widget.js'), 'utf8');
  const tokens = new Set(glue.match(/[A-Za-z0-9_$]+/g));
  const exports = WebAssembly.Module.exports(await WebAssembly.compile(wasm)).map((e) => e.name);
  assert.deepEqual(exports.filter((name) => !tokens.has(name)), []);
  assert.doesNotMatch(glue, /IntoUnderlying/);
  assert.ok(exports.includes('mount'));
});
