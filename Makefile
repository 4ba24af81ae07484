# The two commands a new user needs: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
DEMO_DB ?= .build/demo-engine
DEMO_JOB ?= Fixtures/jobs/backend-engineer.txt

.PHONY: demo test build release bootstrap bench format lint clean

bootstrap:
	@bash scripts/bootstrap.sh

build: bootstrap
	$(SWIFT) build --build-tests

release: bootstrap
	$(SWIFT) build -c release --product match-tool

# The main job, on the checked-in fixtures (see README: what the demo does today).
demo: release
	@rm -rf $(DEMO_DB)
	$(SWIFT) run -c release --skip-build match-tool ingest --db $(DEMO_DB) --job $(DEMO_JOB) Fixtures/resumes
	@echo
	$(SWIFT) run -c release --skip-build match-tool parse-job --format table $(DEMO_JOB)
	@echo
	$(SWIFT) run -c release --skip-build match-tool match --db $(DEMO_DB) --job $(DEMO_JOB) Fixtures/resumes

# Lint first: CI runs `make test`, so the style (formatting, no force unwraps outside tests, every public
# symbol documented) is enforced there.
test: lint build
	$(SWIFT) test --skip-build --parallel --num-workers 2

bench: bootstrap
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

format:
	$(SWIFT) format --in-place --recursive --parallel Package.swift Sources Tests

# Tests/.swift-format is the root configuration with NeverForceUnwrap off.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

clean:
	rm -rf .build
