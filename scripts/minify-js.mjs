// Trunk post-build hook (Trunk.toml): in release builds, minifies the JavaScript every page
// downloads, in the staging folder: the loader publishers include (embed/byline.js, which trunk
// copies as-is) and the wasm-bindgen glue modules (terser beats trunk's own minifier on them).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

const FILES = [
  { name: 'byline.js', module: false },
  { name: 'byline-widget.js', module: true },
  { name: 'byline-formats.js', module: true },
];

if (process.env.TRUNK_PROFILE === 'release') {
  for (const { name, module } of FILES) {
    const file = path.join(process.env.TRUNK_STAGING_DIR, name);
    const source = await readFile(file, 'utf8');
    const { code } = await minify(source, { module, compress: true, mangle: true, format: { comments: false } });
    await writeFile(file, code + '\n');
  }
}
