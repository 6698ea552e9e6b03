#!/usr/bin/env bash
# validate.sh - check that every fixture backend is one Amplify accepts, by
# running the real packages on a scratch copy: import amplify/backend.ts, which
# runs defineBackend and so schema.transform(), the GraphQL transformer and every
# construct's validation, then synthesize the CDK app; then type-check the
# backend with tsc against the real type definitions.
#
#   tests/projects/tools/validate.sh             # every backend in ../INDEX.tsv
#   tests/projects/tools/validate.sh blog sql    # some projects
#
# Needs node and npm. The first run installs the packages into
#   ${VALIDATE_ROOT:-/tmp/amplify-fixture-validate}/v1      (1.x projects)
#   ${VALIDATE_ROOT:-/tmp/amplify-fixture-validate}/legacy  (the 0.x project)
# Each backend's amplify/ folder is copied to <root>/<v1|legacy>/amplify/ (never
# anything inside the repository); logs go to <root>/<v1|legacy>/logs/. Nothing is deployed; no AWS account or network access to AWS is used.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
projects=$(cd "$here/.." && pwd)
ROOT=${VALIDATE_ROOT:-/tmp/amplify-fixture-validate}

setup() { # DIR PACKAGES...
  local dir=$1; shift
  [[ -f "$dir/.ready" ]] && return 0
  mkdir -p "$dir"
  (cd "$dir" && echo '{"name":"fixture-validate","private":true,"type":"module"}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error "$@" >install.log 2>&1) ||
    { echo "validate: npm install failed in $dir (see install.log)" >&2; return 1; }
  touch "$dir/.ready"
}

V1_PKGS=(@aws-amplify/backend@1.25.1 @aws-amplify/data-schema@1.26.2 aws-cdk-lib constructs
  esbuild@0.25 tsx typescript@5.9 @types/node@20 @types/aws-lambda)
# backend 0.12.1 resolves current transformer packages through caret ranges,
# which need a current aws-cdk-lib at synth time.
LEGACY_PKGS=(@aws-amplify/backend@0.12.1 @aws-amplify/data-schema@0.12.14 aws-cdk-lib constructs
  esbuild@0.20 tsx typescript@5.4 @types/node@20)

# check ENVDIR PROJECT REL -> synth + tsc one backend (REL = folder holding amplify/).
# The backend's amplify/ folder is copied to ENVDIR/amplify, so ENVDIR looks like
# a real project root (node_modules/, amplify/, package.json, package-lock.json):
# CDK's project root then contains Amplify's own Lambda entries, and the
# `$amplify/env/*` shims land in ENVDIR/.amplify where amplify/tsconfig.json
# points. Backends are therefore checked one at a time.
check() {
  local env=$1 proj=$2 rel=$3 name log
  name=$proj${rel:+/$rel}
  log=$env/logs/${name//\//_}
  mkdir -p "$env/logs"
  rm -rf "$env/amplify" "$env/.amplify" "$env/cdk.out"
  cp -r "$projects/$proj/${rel:-.}/amplify" "$env/amplify"
  export CDK_CONTEXT_JSON='{"amplify-backend-namespace":"fixture","amplify-backend-name":"validate","amplify-backend-type":"sandbox"}'
  export CDK_OUTDIR="$env/cdk.out"
  if ! (cd "$env" && timeout 900 npx --no-install tsx "$here/run-synth.mts" amplify/backend.ts) \
    >"$log.synth.log" 2>&1 || ! grep -q SYNTH_OK "$log.synth.log"; then
    echo "FAIL synth $name (see $log.synth.log)"; return 1
  fi
  if [[ -f "$env/amplify/tsconfig.json" ]]; then
    if ! (cd "$env" && node_modules/.bin/tsc --noEmit -p amplify/tsconfig.json) >"$log.tsc.log" 2>&1; then
      echo "FAIL tsc $name (see $log.tsc.log)"; return 1
    fi
  fi
  echo "ok   $name"
}

want=" $* "
fail=0 n=0
while IFS=$'\t' read -r proj rel version _rest; do
  [[ "$proj" == project || -z "$proj" ]] && continue
  [[ $# -gt 0 && "$want" != *" $proj "* ]] && continue
  [[ "$rel" == . ]] && rel=
  if [[ "$version" == 0.* ]]; then
    setup "$ROOT/legacy" "${LEGACY_PKGS[@]}" || exit 2; env=$ROOT/legacy
  else
    setup "$ROOT/v1" "${V1_PKGS[@]}" || exit 2; env=$ROOT/v1
  fi
  n=$((n + 1))
  check "$env" "$proj" "$rel" || fail=$((fail + 1))
done <"$projects/INDEX.tsv"
echo "$((n - fail)) passed, $fail failed"
[[ $fail -eq 0 ]]
