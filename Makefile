# Byline: build, demo and tests.
#   make demo    build the widget and serve the demo at http://127.0.0.1:$(PORT)/
#   make test    all tests: native (model), wasm (headless Chromium), end-to-end (Playwright)
# Every target first runs scripts/bootstrap.sh (idempotent; a second or two when set up).

BYLINE_TOOLS ?= $(HOME)/.cache/byline-tools
PORT ?= 8080

export BYLINE_TOOLS
# Tool cache (trunk, wasm-bindgen) and npm's wasm-opt (binaryen 132) come before anything
# else on PATH, in particular before Debian's binaryen, which breaks the app.
export PATH := $(BYLINE_TOOLS)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Tests run in order and stop at the first failure, even under `make -j`.
.NOTPARALLEL:

# The host triple of the Rust toolchain used in this repo (rustup's or Debian's, per the
# generated rust-toolchain.toml), read at recipe time, i.e. after bootstrap has run.
HOST_TRIPLE = $$(rustc -vV | sed -n 's/^host: //p')

.PHONY: help bootstrap build build-test-hooks demo test stack-check test-native test-docs test-wasm test-e2e size-check bench-smoke fmt lint clean distclean

help:
	@echo "make demo        build and serve the demo on http://127.0.0.1:$(PORT)/ (PORT=...)"
	@echo "make build       release build into dist/"
	@echo "make test        all tests (test-native, test-docs, test-wasm, test-e2e)"
	@echo "make bootstrap   install/check the toolchain and tools only"
	@echo "make fmt | lint  rustfmt check | clippy -D warnings"
	@echo "make clean       remove target/, dist/ and test artifacts (distclean: also node_modules and generated config)"

bootstrap:
	@bash scripts/bootstrap.sh

# Release builds rebuild the standard library for size (build-std, optimize_for_size; needs
# the rust-src component, which bootstrap installs), abort on panic without formatting a
# message (the loader recognises the trap: embed/byline.js), and drop panic locations and
# Debug output: about 22 kB gzip. RUSTC_BOOTSTRAP lets a stable toolchain take these flags.
RELEASE_ENV := RUSTC_BOOTSTRAP=1 \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"

# Both wasm modules: the widget and, next to it, byline-formats (JSON-LD and JSON Feed mapping,
# imported through the loader only when a widget needs them; see index.html).
build: bootstrap
	$(RELEASE_ENV) trunk build --release

demo: bootstrap
	$(RELEASE_ENV) trunk serve --release --address 127.0.0.1 --port $(PORT)

test: bootstrap stack-check test-native test-docs test-wasm test-e2e size-check bench-smoke

# Byline is specified on these packages: each must be in the widget's dependency tree.
STACK := leptos wasm-bindgen web-sys serde serde-wasm-bindgen gloo-net
stack-check: bootstrap
	@tree=$$(cargo tree -q -p byline-widget -e normal --target wasm32-unknown-unknown --prefix none | awk '{print $$1}' | sort -u); \
	for crate in $(STACK); do \
	  grep -qx "$$crate" <<<"$$tree" || { echo "stack-check: byline-widget does not depend on $$crate"; exit 1; }; \
	done; \
	echo "stack-check: byline-widget depends on $(STACK)"

# The size gate: wasm + JS glue + loader + CSS, gzip. A ceiling just above today's bundle,
# so growth fails; the budget is 140 kB (target 120, goal 100: see BENCHMARKS.md). Raised
# from 185 with reading aloud (+12.8 kB), comparing with the original (+9.8), sharing (+6.0:
# the Share control, the edition's own `url`, the page's canonical link), image hosts and the
# tracking-pixel rule (+3.8), the reading time (+2.9), RSS and Atom with in-place switching
# (+2.0), teasers (+1.9), the panic restart (+1.2), JSON-LD with no date or no language (+0.8)
# and the nesting check (+0.4).
SIZE_BUDGET_KB ?= 223
size-check: build
	BYLINE_SIZE_BUDGET_KB=$(SIZE_BUDGET_KB) node bench/size-check.mjs

# The whole benchmark once, end to end, printed (never fails on times; `make bench` writes
# BENCHMARKS.md from 7 runs).
bench-smoke: build
	node bench/run.mjs --runs 1 > target/bench-smoke.md
	@tail -n 5 target/bench-smoke.md

# The workspace config targets wasm32 by default; the pure model crate and the validator are
# tested natively.
test-native: bootstrap
	cargo test -p byline-model -p byline-validate --target "$(HOST_TRIPLE)"

# Docs checked against the code (node, no build): the publisher guide's table of error reasons.
test-docs: bootstrap
	node --test tests/docs/*.test.mjs

# wasm-bindgen-test in headless Chromium (runner + CHROMEDRIVER come from .cargo/config.toml);
# tests/edition_js.rs reads editions as the widget does (JSON.parse, serde-wasm-bindgen).
test-wasm: bootstrap
	cargo test -p byline-widget

# The release build plus the test-only `__testPanic` export, for the panic-recovery test: it
# aborts exactly as a release build does.
build-test-hooks: bootstrap
	$(RELEASE_ENV) trunk build --release --features test-hooks --dist target/dist-test-hooks

test-e2e: build build-test-hooks
	node --test tests/e2e/*.test.mjs

fmt: bootstrap
	cargo fmt --all -- --check

# The widget and its formats module on wasm32; the model and the validator natively (their
# tests and the validator are host programs), and the formats module too.
lint: bootstrap
	cargo clippy -p byline-widget -p byline-formats --all-targets -- -D warnings
	cargo clippy -p byline-model -p byline-validate -p byline-formats --target "$(HOST_TRIPLE)" --all-targets -- -D warnings

clean:
	rm -rf target dist tests/e2e/artifacts

distclean: clean
	rm -rf node_modules rust-toolchain.toml .cargo/config.toml .cargo/webdriver.local.json .bootstrap-*

# Speed and size against a vanilla-JS baseline in headless Chromium; rewrites BENCHMARKS.md and
# bench/chart.svg. BENCH_RUNS=1 make bench for CI (default 7 runs). Never fails on a target.
.PHONY: bench
bench: build
	node bench/run.mjs --runs $${BENCH_RUNS:-7} --write BENCHMARKS.md
