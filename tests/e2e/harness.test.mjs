// Self-test of the e2e harness: static server + system Chromium via playwright-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { startStaticServer, launchBrowser, artifactsDir, distDir } from './harness.mjs';

test('harness serves files and drives headless Chromium', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'byline-harness-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Byline harness</title>' +
      '<script type="module" src="app.mjs"></script></head><body><h1>hello</h1></body></html>',
  );
  await writeFile(path.join(root, 'app.mjs'), 'document.body.dataset.ready = "yes";\n');
  await writeFile(path.join(root, 'data.json'), '{"ok":true}\n');
  await mkdir(path.join(root, 'sub'));
  await writeFile(path.join(root, 'sub', 'index.html'), '<title>sub</title>');
  // A sibling of the root that must never be reachable through the server.
  await writeFile(path.join(path.dirname(root), path.basename(root) + '-secret.txt'), 'secret');
  t.after(() => rm(path.join(path.dirname(root), path.basename(root) + '-secret.txt'), { force: true }));

  const server = await startStaticServer(root, {
    handler(req, res) {
      if (req.url !== '/hook') return false;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('hooked');
      return true;
    },
  });
  t.after(() => server.close());
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);

  // Plain HTTP checks.
  const get = (p) => fetch(server.url + p, { redirect: 'manual' });
  let r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
  r = await get('/app.mjs');
  assert.equal(r.headers.get('content-type'), 'text/javascript; charset=utf-8');
  r = await get('/data.json');
  assert.deepEqual(await r.json(), { ok: true });
  assert.match(r.headers.get('content-type'), /^application\/json/);
  r = await get('/sub');
  assert.equal(r.status, 301);
  assert.equal(r.headers.get('location'), '/sub/');
  assert.equal((await get('/sub/')).status, 200);
  assert.equal((await get('/missing.txt')).status, 404);
  assert.equal(await (await get('/hook')).text(), 'hooked');
  const secret = '/../' + path.basename(root) + '-secret.txt';
  assert.equal((await get(secret)).status, 404);
  assert.equal((await get(encodeURI(secret).replaceAll('.', '%2e'))).status, 404);
  assert.equal((await get('/%2e%2e%2f' + path.basename(root) + '-secret.txt')).status, 404);
  // fetch() normalises dot segments itself; send a raw, unnormalised path too.
  const rawStatus = (p) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: p }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
  assert.equal(await rawStatus(secret), 404);
  assert.equal(await rawStatus('/..%2f..%2f..%2fetc%2fpasswd'), 404);

  // Browser check.
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  assert.equal(await page.title(), 'Byline harness');
  await page.waitForFunction(() => document.body.dataset.ready === 'yes');
  await page.screenshot({ path: path.join(artifactsDir, 'harness.png') });

  assert.ok(path.isAbsolute(distDir) && distDir.endsWith(path.sep + 'dist'));
});
