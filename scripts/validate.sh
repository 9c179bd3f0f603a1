#!/usr/bin/env bash
# The inner loop (npm run validate): types, lint (import zones and cycles), format, and the unit
# and integration tests. The tests mostly wait on sockets and timers, so the checks run beside
# them. `npm test` still runs everything, the real browser and the real gateway included.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
# The tests mostly wait: three workers on two cores finish sooner than two.
npx vitest run --project unit --project integration --maxWorkers=3 &
tests=$!
checks=0
npx tsc --noEmit -p tsconfig.json || checks=1
npm run --silent lint || checks=1
npx prettier --check --log-level warn . || checks=1
wait "$tests"
failed=$?
echo "validate: $((SECONDS - started)) s; checks $([ $checks = 0 ] && echo ok || echo FAILED), tests $([ $failed = 0 ] && echo ok || echo FAILED)"
[ $checks = 0 ] && [ $failed = 0 ]
