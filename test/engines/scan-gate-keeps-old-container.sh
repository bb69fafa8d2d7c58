#!/usr/bin/env bash
# Engines scenario (issue 13): a failed scan of a new digest must not take the running service down.
#
#   1. deploy a HardenedContainer behind an ImageScanGate (ImageScanner.clair) on digest v1,
#      whose recorded Clair report is clean: the container runs and turns healthy;
#   2. change the configuration to digest v2, whose recorded report has a critical vulnerability:
#      `terraform apply` must fail with the gate program's FAIL line, and the v1 container must be
#      the same container as before, still running and healthy, still on the v1 image;
#   3. record a clean report for v2 and apply again: the container is replaced and runs v2;
#   4. `terraform destroy` succeeds without scanning (the guard only scans a changed digest).
#
# Real engine, real Terraform, the real kreuzwerker/docker provider; only Clair is a stand-in
# (test/engines/bin/clairctl-recorded.js prints recorded reports: no Clair is reachable here).
#
# Environment:
#   TERRAFORM           terraform binary (default: terraform on PATH)
#   TF_CLI_CONFIG_FILE  CLI config that makes kreuzwerker/docker installable (e.g. dev_overrides)
#   SCENARIO_DIR        empty working directory (default: a new temporary directory)
#   REGISTRY            registry the scenario pushes its two images to (default 127.0.0.1:5000)
#   BASE_IMAGE          digest-pinned image in that registry that serves /healthz on :8080 as a
#                       non-root user (default: $IMAGE_web of the engines setup)
#   PROVIDER_DOCKER     version of the provider build (engines.env sets it): pinned through an
#                       override file instead of the bindings' 3.6.2, as test/engines/run.ts does
#   ENGINES_ENV         optional file to source first (scripts/engines/setup.sh's engines.env)
# Needs docker (a running engine), node and the repository's node_modules. Exit 0 = proven.
set -euo pipefail
[ -n "${ENGINES_ENV:-}" ] && source "$ENGINES_ENV"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
TF="${TERRAFORM:-terraform}"
REGISTRY="${REGISTRY:-127.0.0.1:5000}"
BASE="${BASE_IMAGE:-${IMAGE_web:-}}"
work="${SCENARIO_DIR:-$(mktemp -d -t scan-gate-scenario.XXXXXX)}"
name=engines-scan-gate-demo
say() { printf '[scan-gate-keeps-old-container %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { echo "scan-gate-keeps-old-container: FAILED: $*" >&2; exit 1; }
[ -n "$BASE" ] || fail "BASE_IMAGE (or IMAGE_web from ENGINES_ENV) is not set"
[ -n "${TF_CLI_CONFIG_FILE:-}" ] || fail "TF_CLI_CONFIG_FILE is not set (the provider CLI config)"
docker info >/dev/null 2>&1 || fail "no Docker Engine (docker info failed)"
mkdir -p "$work/tf" "$work/recorded"
export CLAIR_RECORDED_DIR="$work/recorded" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
say "working directory $work"

# --- two digests of one repository --------------------------------------------------------------
repo_ref="$REGISTRY/engines/scan-gate-demo"
docker pull -q "$BASE" >/dev/null || fail "cannot pull $BASE"
docker tag "$BASE" "$repo_ref:v1"
printf 'FROM %s\nLABEL cdktf-hybrid.scan-gate-demo=v2\n' "$BASE" | docker build -q -t "$repo_ref:v2" - >/dev/null || fail "docker build of v2 failed"
pinned() { # TAG -> repo:tag@sha256:...
  docker push -q "$repo_ref:$1" >/dev/null || fail "push of $repo_ref:$1 failed"
  local d; d=$(docker image inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$repo_ref:$1" | grep -m1 "^$repo_ref@") || fail "no digest for $repo_ref:$1"
  echo "$repo_ref:$1@${d#*@}"
}
V1=$(pinned v1); V2=$(pinned v2)
[ "${V1#*@}" != "${V2#*@}" ] || fail "v1 and v2 have the same digest"
say "v1 = $V1"; say "v2 = $V2"
record() { cp "$repo/test/container/scan-reports/$2" "$work/recorded/${1##*sha256:}.json"; }
record "$V1" clair-clean.json
record "$V2" clair-above-high.json

# --- synth into the Terraform working directory (its state stays) -------------------------------
synth() {
  local out="$work/out"
  rm -rf "$out"
  (cd "$repo" && CDKTF_OUTDIR="$out" SCAN_DEMO_IMAGE="$1" SCAN_DEMO_CLAIRCTL="$repo/test/engines/bin/clairctl-recorded.js" \
    npx ts-node --swc --prefer-ts-exts test/engines/scan-gate-keeps-old-container.app.ts) || fail "synth of $1 failed"
  rm -rf "$work/tf/assets"
  cp -r "$out/stacks/scan-gate-demo/cdk.tf.json" "$out/stacks/scan-gate-demo/assets" "$work/tf/"
}
tf() { (cd "$work/tf" && "$TF" "$@" -input=false -no-color); }
state() { local v; if v=$(docker inspect --format "$1" "$name" 2>/dev/null); then echo "$v"; else echo missing; fi; }
wait_healthy() {
  for _ in $(seq 1 60); do [ "$(state '{{.State.Health.Status}}')" = healthy ] && return 0; sleep 1; done
  fail "$name is not healthy (status $(state '{{.State.Status}}')/$(state '{{.State.Health.Status}}'))"
}
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap 'tf destroy -auto-approve >"$work/destroy-on-exit.log" 2>&1 || true; cleanup; docker rmi "$repo_ref:v1" "$repo_ref:v2" >/dev/null 2>&1 || true' EXIT
cleanup

# 1. v1, clean report
synth "$V1"
if [ -n "${PROVIDER_DOCKER:-}" ]; then
  printf '{"terraform":{"required_providers":{"docker":{"source":"kreuzwerker/docker","version":"%s"}}}}\n' "$PROVIDER_DOCKER" >"$work/tf/engines_override.tf.json"
fi
# With dev_overrides Terraform says to skip init; it still configures the backend, then fails to
# look the overridden provider up in a registry, which is expected here.
tf init >"$work/init.log" 2>&1 || grep -q dev_overrides "$TF_CLI_CONFIG_FILE" || fail "terraform init (see $work/init.log)"
tf apply -auto-approve >"$work/apply-v1.log" 2>&1 || fail "apply of v1 failed (see $work/apply-v1.log)"
wait_healthy
id1=$(state '{{.Id}}'); image1=$(state '{{.Image}}')
say "step 1: v1 deployed and healthy: container ${id1:0:12}"

# 2. v2, critical vulnerability: the apply fails, the v1 container is untouched
synth "$V2"
if tf apply -auto-approve >"$work/apply-v2-fail.log" 2>&1; then fail "apply of v2 succeeded, but its report has a critical vulnerability"; fi
grep -q 'cdktf-hybrid-scan-gate: FAIL .*CVE-2023-45853 critical' "$work/apply-v2-fail.log" \
  || fail "apply of v2 failed without the gate's FAIL line (see $work/apply-v2-fail.log)"
! grep -q 'docker_container\.[A-Za-z0-9_]*: Destroying' "$work/apply-v2-fail.log" || fail "terraform started destroying the container"
[ "$(state '{{.Id}}')" = "$id1" ] || fail "the v1 container was replaced or removed (now: $(state '{{.Id}}'))"
[ "$(state '{{.State.Running}}')" = true ] || fail "the v1 container is not running"
[ "$(state '{{.Image}}')" = "$image1" ] || fail "the container no longer runs the v1 image"
wait_healthy
say "step 2: v2 refused by the gate ($(grep -o 'cdktf-hybrid-scan-gate: FAIL.*' "$work/apply-v2-fail.log" | head -n 1 | cut -c1-160)); container ${id1:0:12} still running and healthy on v1"

# 3. v2 with a clean report: replaced
record "$V2" clair-clean.json
tf apply -auto-approve >"$work/apply-v2-pass.log" 2>&1 || fail "apply of v2 with a clean report failed (see $work/apply-v2-pass.log)"
wait_healthy
[ "$(state '{{.Id}}')" != "$id1" ] || fail "the container was not replaced"
[ "$(state '{{.Config.Image}}')" = "$(docker image inspect --format '{{.Id}}' "$repo_ref:v2")" ] || [ "$(state '{{.Image}}')" = "$(docker image inspect --format '{{.Id}}' "$repo_ref:v2")" ] \
  || fail "the new container does not run v2"
say "step 3: v2 with a clean report replaced the container: $(state '{{.Id}}' | cut -c1-12), healthy"

# 4. destroy: no scan of an unchanged digest
calls_before=$(wc -l <"$work/recorded/calls")
tf destroy -auto-approve >"$work/destroy.log" 2>&1 || fail "terraform destroy failed (see $work/destroy.log)"
[ "$(wc -l <"$work/recorded/calls")" = "$calls_before" ] || fail "destroy ran a scan"
[ "$(state '{{.Id}}')" = missing ] || fail "the container is still there after destroy"
say "step 4: destroy removed everything without scanning"

# 5. control: the same failed apply with the guard removed from the configuration takes the
#    service down (Terraform destroys the replaced container before the create-time gate scans).
record "$V2" clair-above-high.json
synth "$V1"
tf apply -auto-approve >"$work/control-v1.log" 2>&1 || fail "control: apply of v1 failed (see $work/control-v1.log)"
wait_healthy
synth "$V2"
node -e 'const f=process.argv[1], j=JSON.parse(require("fs").readFileSync(f,"utf8"));
  for (const k of Object.keys(j.resource.terraform_data)) if (k.includes("_Guard_")) delete j.resource.terraform_data[k];
  require("fs").writeFileSync(f, JSON.stringify(j, null, 2));' "$work/tf/cdk.tf.json"
if tf apply -auto-approve >"$work/control-v2.log" 2>&1; then fail "control: apply of v2 without the guard succeeded"; fi
[ "$(state '{{.Id}}')" = missing ] || fail "control: without the guard the old container survived, so the scenario does not show what the guard does"
say "step 5 (control): without the guard the same failed scan leaves no container running"
echo "scan-gate-keeps-old-container: PASS (logs in $work)"
