// Trunk post-build hook (Trunk.toml): in release builds, minifies the loader that publishers
// include (embed/byline.js, copied as-is by trunk) in the staging folder. Every page downloads
// it, so its comments and long names are worth removing; the source stays readable.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE === 'release') {
  const file = path.join(process.env.TRUNK_STAGING_DIR, 'byline.js');
  const source = await readFile(file, 'utf8');
  const { code } = await minify(source, { compress: true, mangle: true, format: { comments: false } });
  await writeFile(file, code + '\n');
}
