// The publisher guide's table of `error` reasons (docs/publisher-guide.md, "Error reasons") and
// the code agree: every reason the widget, its model, the formats module or the loader can put
// in an `error` event has a row saying what happened and what to do, and every row is a reason
// the code has. Reasons are read from the code: the string arms of every `fn reason(&self)`,
// `("reason", "…")` pair and `const …REASON…: &str` in Rust, and every `reason: '…'` in the
// loader's JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['src', 'model/src', 'formats/src', 'embed'];

/**
 * Reasons the code names but never emits, each with why, so that the table need not list them.
 * Each must still be in the code: a stale entry fails.
 */
const NEVER_EMITTED = new Map([
  ['aborted', 'LoadError::Aborted: a request replaced by a newer one; the reducer drops it (model/tests/widget_state.rs, an_aborted_request_changes_nothing)'],
]);

function files(dir) {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(relative);
    return /\.(rs|js)$/.test(entry.name) ? [relative] : [];
  });
}

/** The body of the block opened by the `{` at `open` in `text`. */
function block(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** reason -> the files that name it. */
function reasonsInCode() {
  const found = new Map();
  const add = (reason, file) => found.set(reason, [...(found.get(reason) ?? []), file]);
  for (const file of SOURCES.flatMap(files)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (file.endsWith('.rs')) {
      for (const fn of text.matchAll(/fn reason\(&self\)[^{]*\{/g)) {
        const body = block(text, fn.index + fn[0].length - 1);
        for (const [, reason] of body.matchAll(/=>\s*"([^"]+)"/g)) add(reason, file);
      }
      for (const [, reason] of text.matchAll(/\(\s*"reason"\s*,\s*"([^"]+)"/g)) add(reason, file);
      for (const [, reason] of text.matchAll(/const \w*REASON\w*: &str = "([^"]+)"/g)) add(reason, file);
    } else {
      for (const [, , reason] of text.matchAll(/\breason\s*:\s*(['"])([^'"]+)\1/g)) add(reason, file);
    }
  }
  return found;
}

/** reason -> [what happened, what to do], from the guide's table. */
function reasonsInGuide() {
  const lines = readFileSync(path.join(root, 'docs', 'publisher-guide.md'), 'utf8').split('\n');
  const header = lines.findIndex((line) => /^\|\s*reason\s*\|\s*what happened\s*\|\s*what to do\s*\|$/.test(line));
  assert.ok(header >= 0, 'the guide has a table headed | reason | what happened | what to do |');
  const rows = new Map();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
    const reason = /^`([^`]+)`$/.exec(cells[0])?.[1];
    assert.ok(reason, `a reason in backticks opens the row: ${line}`);
    assert.ok(!rows.has(reason), `\`${reason}\` has one row`);
    rows.set(reason, cells.slice(1));
  }
  return rows;
}

test('the publisher guide lists every error reason the code can emit, and no other', () => {
  const code = reasonsInCode();
  const guide = reasonsInGuide();
  assert.ok(code.size >= 5, `reasons were found in the code (${[...code.keys()].join(', ')})`);
  for (const [reason, why] of NEVER_EMITTED) {
    assert.ok(code.has(reason), `\`${reason}\` is still in the code (else drop it from NEVER_EMITTED: ${why})`);
  }
  const emitted = [...code.keys()].filter((reason) => !NEVER_EMITTED.has(reason)).sort();
  const missing = emitted.filter((reason) => !guide.has(reason));
  const extra = [...guide.keys()].filter((reason) => !emitted.includes(reason));
  assert.deepEqual(missing, [], `reasons the code emits but the guide does not list: ${missing.map((r) => `${r} (${code.get(r).join(', ')})`).join('; ')}`);
  assert.deepEqual(extra, [], `reasons the guide lists but the code never emits: ${extra.join(', ')}`);
  for (const [reason, [happened, todo]] of guide) {
    assert.ok(happened && todo, `\`${reason}\` says what happened and what to do`);
  }
});
