# clipkit — two commands on a fresh machine: `make demo` and `make test`.
SWIFT  ?= swift
PREFIX ?= /usr/local
DEMO   ?= demo-out

.PHONY: build release test stress asan demo bench install deps deps-test clean

## build: debug build of the clipkit binary (.build/debug/clipkit)
build: deps
	$(SWIFT) build

## release: optimised build (.build/release/clipkit)
release: deps
	$(SWIFT) build -c release

## test: install what tests need, build, run every test (store tests on SQLite and on a throwaway PostgreSQL server)
test: deps-test
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh $(SWIFT) test

## stress: the reliability suite with three times the kills of make test (the damaged corpus is whole in both)
stress: deps-test
	$(SWIFT) build --build-tests
	CLIPKIT_STRESS=1 scripts/with-postgres.sh $(SWIFT) test --filter ReliabilityTests

## asan: the media layer built with AddressSanitizer (.build-asan), run on a sample of the damaged corpus
asan: deps-test
	$(SWIFT) build --sanitize=address --scratch-path .build-asan --product clipkit-media-check
	$(SWIFT) build --build-tests
	CLIPKIT_ASAN_CHECK=$(CURDIR)/.build-asan/debug/clipkit-media-check $(SWIFT) test --filter AddressSanitizerTests

## demo: install, build, make a sample live recording in $(DEMO)/, run the main jobs on it
demo: release
	scripts/install-deps.sh demo
	Examples/demo.sh .build/release/clipkit $(DEMO)

## bench: release build, then every bench/*.sh (peers run in the same run; see BENCHMARKS.md)
bench: release
	scripts/install-deps.sh test
	@for script in bench/*.sh; do echo "== $$script"; "$$script" || exit 1; done

## install: clipkit to $(PREFIX)/bin, presets to $(PREFIX)/share/clipkit/Presets
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/clipkit
	install -m 755 .build/release/clipkit $(PREFIX)/bin/clipkit
	rm -rf $(PREFIX)/share/clipkit/Presets
	cp -R Presets $(PREFIX)/share/clipkit/Presets

deps:
	scripts/install-deps.sh build

deps-test:
	scripts/install-deps.sh test

clean:
	rm -rf .build .build-asan $(DEMO)
