# Hearth: the two-command developer experience.
#   make run    install dependencies, build, prepare var/hearth.db on first use, serve on http://127.0.0.1:8080
#   make test   install dependencies, build the test and sanitizer trees, run unit, integration and browser tests
SHELL := /bin/bash
JOBS ?= $(shell nproc)

.DEFAULT_GOAL := build
.PHONY: build deps run test clean help

help:
	@echo "make build   install dependencies and build build/release/hearth"
	@echo "make run     build, prepare var/hearth.db on first use and serve on http://127.0.0.1:8080"
	@echo "make test    build the test and ASan/UBSan trees and run every test stage"
	@echo "make clean   remove build trees and test results (keeps var/ and node_modules/)"

deps:
	bash scripts/install-deps.sh

build: deps
	cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DHEARTH_TESTS=OFF
	cmake --build build/release -j$(JOBS)

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

clean:
	rm -rf build test-results
