#!/usr/bin/env bash
# terraform validate of the Hyper-V and VirtualBox examples against a schema-only provider (main.go)
# that serves test/vm/schema/*.json, until the real providers can be built from the Go module proxy.
# Needs go and terraform on PATH; builds the stub outside the repository (STUB_CACHE, default
# ~/.cache/cdktf-hybrid/schema-stub). Usage: test/engines-stub/validate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${STUB_CACHE:-$HOME/.cache/cdktf-hybrid/schema-stub}
mkdir -p "$cache/bin" "$cache/out"
(cd "$here" && go build -o "$cache/bin/terraform-provider-hyperv" .)
cp -f "$cache/bin/terraform-provider-hyperv" "$cache/bin/terraform-provider-virtualbox"
cat >"$cache/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "taliesins/hyperv" = "$cache/bin"
    "shekeriev/virtualbox" = "$cache/bin"
    "terra-farm/virtualbox" = "$cache/bin"
  }
  direct {}
}
RC
status=0
for example in hyperv-lab virtualbox-lab; do
  out="$cache/out/$example"
  rm -rf "$out"
  (cd "$root" && CDKTF_OUTDIR="$out" CHECKPOINT_DISABLE=1 npx ts-node --swc --prefer-ts-exts "examples/$example/main.ts" >/dev/null)
  for stack in "$out"/stacks/*/; do
    if (cd "$stack" && TF_CLI_CONFIG_FILE="$cache/terraformrc" SCHEMA_STUB_DIR="$root/test/vm/schema" CHECKPOINT_DISABLE=1 \
        terraform validate -no-color >"$stack/validate.log" 2>&1); then
      echo "validate $example/$(basename "$stack"): ok"
    else
      echo "validate $example/$(basename "$stack"): FAILED" >&2
      grep -E '^(Error|  on )' "$stack/validate.log" >&2 || cat "$stack/validate.log" >&2
      status=1
    fi
  done
done
exit $status
