// What the numbers were measured on: CPU, cores, memory, browser, Node, commit, date.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: fall through to Node's view
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** The checked-out commit, with "+ uncommitted changes" when the tree is dirty. */
function commit(repoRoot) {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain').length > 0 ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

export function describeMachine({ browserVersion, repoRoot }) {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGB: os.totalmem() / 1e9,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    browser: `Chromium ${browserVersion} (headless, playwright-core)`,
    node: process.version,
    commit: commit(repoRoot),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
