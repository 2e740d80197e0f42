# The front door. Two commands do all the set-up on a fresh Debian 12:
#   make run    install what is missing, build, start the server on SQLite
#   make test   install what is missing, build, run every test suite
# The real work is in meson (build), scripts/install-deps, scripts/run and
# scripts/test-all; this file only sequences them.

BUILD ?= build
DB ?= ./redress.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all build deps test-deps run test clean

all: build

deps:
	@scripts/install-deps --build

test-deps:
	@scripts/install-deps

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD)
	ninja -C $(BUILD)

run: build
	@BUILD=$(BUILD) DB=$(DB) LISTEN=$(LISTEN) scripts/run

# The build dir may come from `make run` (tests auto, maybe skipped): make
# sure the unit tests are configured before running them.
test: test-deps
	@if [ -f $(BUILD)/build.ninja ]; then meson setup --reconfigure $(BUILD) -Dtests=enabled >/dev/null; \
	 else meson setup $(BUILD) -Dtests=enabled; fi
	ninja -C $(BUILD)
	@BUILD=$(BUILD) scripts/test-all

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz build-*.log
