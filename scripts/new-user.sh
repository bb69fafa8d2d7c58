#!/usr/bin/env bash
# A scripted new-user run, exactly as README.md "Start a new app" says and nothing more:
# pack the library, copy examples/starter to a temp folder outside the repository, install the
# packed tarball there, synthesize with `npx cdktf synth`, and check that the outputs exist.
# Needs only the npm registry (or a warm npm cache); every run starts from a fresh folder.
#   KEEP=1 keeps the temp folder; NEW_USER_TMP=<dir> puts it under <dir> (default: $TMPDIR or /tmp).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${NEW_USER_TMP:-${TMPDIR:-/tmp}}"
work="$(mktemp -d "${base%/}/cdktf-hybrid-new-user.XXXXXX")"
case "$work/" in "$repo"/*) echo "new-user: $work is inside the repository; set NEW_USER_TMP elsewhere" >&2; exit 2 ;; esac
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "new-user: kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
export CHECKPOINT_DISABLE=1 npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
start=$(date +%s)
step() { echo "new-user: [$(( $(date +%s) - start ))s] $*"; }

step "npm pack (prepack compiles the library)"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
[ -f "$work/$tarball" ] || { echo "new-user: npm pack produced no tarball" >&2; exit 1; }

step "copy examples/starter to $work/app"
cp -R "$repo/examples/starter" "$work/app"
cd "$work/app"

step "npm install ../$tarball (and the starter's pinned dependencies)"
npm install --prefer-offline "../$tarball" >/dev/null
npm ls cdktf-hybrid typescript --depth=0

step "npx cdktf synth"
npx cdktf synth

step "check the outputs"
out="cdktf.out/stacks/starter"
for f in cdk.tf.json policy-report.json policy-report.md policy-report.sarif; do
  [ -s "$out/$f" ] || { echo "new-user: missing $out/$f" >&2; exit 1; }
done
node -e '
  const fs = require("fs");
  const stack = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const need = ["kubernetes_namespace_v1", "kubernetes_deployment_v1", "docker_container", "vsphere_virtual_machine"];
  const missing = need.filter((t) => !stack.resource || !stack.resource[t]);
  const outputs = Object.keys(stack.output || {}).sort().join(",");
  const failed = report.findings.filter((f) => f.status === "FAIL" && !f.suppressed).length;
  if (missing.length || outputs !== "vm_name,web_service,worker_container" || failed) {
    console.error(`new-user: missing resources [${missing}], outputs [${outputs}], unsuppressed failures ${failed}`);
    process.exit(1);
  }
' "$out/cdk.tf.json" "$out/policy-report.json"
step "ok: the starter synthesized from the packed tarball in $(( $(date +%s) - start ))s"
