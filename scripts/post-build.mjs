// Trunk post-build hook (Trunk.toml): in release builds, makes what every page downloads
// smaller, in the staging folder:
// - the exports no page calls dropped (scripts/drop-unused-exports.mjs);
// - the wasm-bindgen modules' import and export names shortened in the wasm and its glue
//   alike (scripts/shorten-wasm-names.mjs);
// - the JavaScript minified with terser: the loader publishers include (embed/byline.js, which
//   trunk copies as-is) and the glue modules (terser beats trunk's own minifier on them).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';
import { dropUnusedExports } from './drop-unused-exports.mjs';
import { shortenWasmNames } from './shorten-wasm-names.mjs';

const MODULES = ['byline-widget', 'byline-formats'];
const SCRIPTS = [
  { name: 'byline.js', module: false },
  { name: 'byline-widget.js', module: true },
  { name: 'byline-formats.js', module: true },
];

if (process.env.TRUNK_PROFILE === 'release') {
  const staged = (name) => path.join(process.env.TRUNK_STAGING_DIR, name);
  for (const name of MODULES) {
    const [wasm, glue] = [staged(`${name}_bg.wasm`), staged(`${name}.js`)];
    const used = dropUnusedExports(await readFile(wasm), await readFile(glue, 'utf8'));
    const shortened = shortenWasmNames(used.wasm, used.glue);
    new WebAssembly.Module(shortened.wasm); // throws if the rewrite broke the module
    await writeFile(wasm, shortened.wasm);
    await writeFile(glue, shortened.glue);
  }
  for (const { name, module } of SCRIPTS) {
    const source = await readFile(staged(name), 'utf8');
    const { code } = await minify(source, { module, compress: true, mangle: true, format: { comments: false } });
    await writeFile(staged(name), code + '\n');
  }
}
