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

# The main job, on the checked-in fixtures (see README: what the demo does today): `score` against three
# jobs into one engine (the second and third runs reuse the stored resumes), the ranked tables, and an
# HTML report for the first job.
DEMO_JOBS ?= Fixtures/jobs/backend-engineer.txt Fixtures/jobs/data-engineer.md Fixtures/jobs/frontend-developer.txt
DEMO_REPORT ?= .build/demo-report.html
demo: release
	@rm -rf $(DEMO_DB)
	@for job in $(DEMO_JOBS); do \
		echo; \
		$(SWIFT) run -c release --skip-build match-tool score --db $(DEMO_DB) --job $$job --top 10 Fixtures/resumes || exit $$?; \
	done
	@echo
	$(SWIFT) run -c release --skip-build match-tool score --db $(DEMO_DB) --job $(DEMO_JOB) --quiet \
		--format html --output $(DEMO_REPORT) Fixtures/resumes
	@echo "HTML report: $(abspath $(DEMO_REPORT))"

# Lint first: CI runs `make test`, so the style (formatting, no force unwraps outside tests, every public
# symbol documented) is enforced there.
# The HTML report test renders the report in headless Chromium: scripts/install-chromium.sh installs it
# when missing (the demo does not need it).
test: lint build
	@bash scripts/install-chromium.sh
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
