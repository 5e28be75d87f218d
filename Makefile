# strategy-miner: the two commands a newcomer needs are `make run` and `make test`.
# Node 22 comes from the `node` devDependency, so every npm script runs on it even when
# the system Node is older.

NPM_BIN := node_modules/.bin
CORPUS ?= corpus
OUT ?= output
ARGS ?=

.PHONY: run test deps system-deps build bench bench-stages bench-ocr bench-lang bench-segment bench-ingest bench-rules bench-contrast bench-hyphenation bench-ocr-layout bench-html corpus screenshot clean

run: deps system-deps build
	$(NPM_BIN)/node dist/src/cli/main.js run $(CORPUS) --out $(OUT) $(ARGS)

# tsc both type-checks and builds dist/, which the CLI tests run as a user would.
test: deps system-deps build
	$(NPM_BIN)/node $(NPM_BIN)/vitest run

# npm ci only when package-lock.json changed since the last install.
deps: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian packages for OCR (tesseract + rus/kaz), page rendering (poppler-utils) and the
# browser test of the HTML report (chromium). Installed when we may (root or sudo without a
# password); otherwise the script says what is missing and the tool runs without them.
system-deps:
	@bash scripts/system-deps.sh

build: deps
	$(NPM_BIN)/node $(NPM_BIN)/tsc -p tsconfig.json

# One table of whole-run figures against their targets (bench/summary.ts): raw pdfjs and
# pdftotext, cold / warm store / rule edit, 1 vs 2 workers, peak RSS at 2,500 and 10,000 pages.
# BENCH_ARGS='--repeats 3' repeats each figure; '--skip-10k' leaves out the longest run.
BENCH_ARGS ?=
bench: deps system-deps build
	$(NPM_BIN)/node dist/bench/summary.js $(BENCH_ARGS)

# Every figure of the README's Measured section, stage by stage.
bench-stages: bench-ingest bench-ocr bench-lang bench-segment bench-rules bench-contrast bench-hyphenation bench-ocr-layout bench-html

bench-lang: build
	$(NPM_BIN)/node dist/bench/lang.js

bench-segment: build
	$(NPM_BIN)/node dist/bench/segment.js

bench-ingest: deps system-deps build
	$(NPM_BIN)/node dist/bench/ingest.js

bench-ocr: deps system-deps build
	$(NPM_BIN)/node dist/bench/ocr.js

bench-rules: build
	$(NPM_BIN)/node dist/bench/rules.js

bench-hyphenation: build
	$(NPM_BIN)/node dist/bench/hyphenation.js

bench-ocr-layout: deps system-deps build
	$(NPM_BIN)/node dist/bench/ocr-layout.js

# table5.html of a big run (corpus + copies of long_301p, PAGES pages): size, load, search.
PAGES ?= 10000
bench-html: deps system-deps build
	$(NPM_BIN)/node dist/bench/html-report.js $(PAGES)

# Whole runs, main thread vs worker threads: COPIES of long_301p.pdf added to corpus/.
COPIES ?= 4
REPEATS ?= 1
bench-pipeline: deps system-deps build
	$(NPM_BIN)/node dist/bench/pipeline.js $(COPIES) $(REPEATS)

# Damaged and hostile copies of the fixtures through the CLI (scripts/fuzz.ts): every file gets
# a status, exit 0, peak RSS under the bound, nothing left behind. Replay a failure with its SEED.
SEED ?= 1
FUZZ_SECONDS ?= 120
.PHONY: fuzz
fuzz: deps build
	$(NPM_BIN)/node dist/scripts/fuzz.js --seed $(SEED) --seconds $(FUZZ_SECONDS)

# The README's pictures of the HTML report of the bundled corpus (desktop, phone, a chart).
screenshot: run
	$(NPM_BIN)/node dist/scripts/screenshot-report.js $(OUT)/table5.html docs/report-screenshot.png docs/report-phone.png
	cp $(OUT)/chart-territory-sector.svg docs/chart-territory-sector.svg

# Regenerates the sample PDFs in corpus/ from their sources (needs LibreOffice).
corpus: deps
	bash scripts/make-corpus.sh

clean:
	rm -rf dist output

# Accuracy on contrast.tsv by half of the fixed split (held-out figures only).
bench-contrast: build
	$(NPM_BIN)/node dist/bench/contrast.js $(ARGS)
