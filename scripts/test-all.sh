#!/usr/bin/env bash
# The whole test suite: the README's test command runs this (npm test).
# Each stage prints what it runs; the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

failed_stages=()
stage() {
  local name="$1"
  shift
  echo
  echo "=== ${name}: $*"
  local started=$SECONDS
  if "$@"; then
    echo "=== ${name}: ok ($((SECONDS - started)) s)"
  else
    echo "=== ${name}: FAILED ($((SECONDS - started)) s)"
    failed_stages+=("${name}")
  fi
}

stage typecheck npx tsc --noEmit -p tsconfig.json
stage lint npm run --silent lint
stage format npx prettier --check --log-level warn .
stage vitest npx vitest run --project unit --project integration --maxWorkers=3 --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
stage build npx vite build --logLevel warn
stage bundle-check node scripts/check-bundle.mjs
stage e2e bash -c "bash scripts/ensure-chromium.sh && npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=test-results/e2e.json"
stage compat npx vitest run --project compat --reporter=default --reporter=json --outputFile.json=test-results/compat.json

node scripts/summarize-results.mjs "${failed_stages[@]+"${failed_stages[@]}"}"
