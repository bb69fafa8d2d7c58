#!/usr/bin/env bash
# Engines setup: installs and starts everything `npm run test:engines` needs, idempotently, on a
# fresh machine that reaches only Debian's packages, PyPI, the npm registry and the Go module proxy.
#
#   - a Terraform CLI: `terraform` on PATH, else OpenTofu built from its Go module;
#   - the real providers built from their Go modules, in a filesystem mirror (no provider registry
#     is reachable);
#   - Docker Engine (Debian's docker.io), a local registry on 127.0.0.1 (Debian's docker-registry)
#     and the test images, pushed so that they carry real repository digests;
#   - PostgreSQL (Debian's packages) as Terraform's `pg` state backend;
#   - Checkov from PyPI, in a virtualenv.
#
# Everything built is cached under $ENGINES_CACHE (default ~/.cache/cdktf-hybrid-engines), so a
# rerun takes seconds. The last line of a failure names the piece that could not be had.
# Writes $ENGINES_CACHE/engines.env, which the suite reads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
CACHE="${ENGINES_CACHE:-$HOME/.cache/cdktf-hybrid-engines}"
BIN="$CACHE/bin"
mkdir -p "$BIN" "$CACHE/logs"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export DEBIAN_FRONTEND=noninteractive

fail() { echo "engines setup: FAILED: $*" >&2; exit 1; }
step() { printf '[engines setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
source "$here/versions.sh"

# --- Debian packages ------------------------------------------------------------------------------
need_pkgs=()
command -v dockerd >/dev/null 2>&1 || need_pkgs+=(docker.io)
command -v docker-registry >/dev/null 2>&1 || need_pkgs+=(docker-registry)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || need_pkgs+=(busybox-static)
command -v pg_ctl >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need_pkgs+=(postgresql)
command -v go >/dev/null 2>&1 || need_pkgs+=(golang-go)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_pkgs+=(python3-venv)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
command -v ip >/dev/null 2>&1 || need_pkgs+=(iproute2)
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  step "apt-get install ${need_pkgs[*]}"
  { apt-get update -q && apt-get install -y -q --no-install-recommends "${need_pkgs[@]}"; } >"$CACHE/logs/apt.log" 2>&1 \
    || fail "Debian packages ${need_pkgs[*]} (see $CACHE/logs/apt.log)"
fi
PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)")"
[ -x "$PG_BIN/pg_ctl" ] || fail "PostgreSQL server binaries (pg_ctl) not found after installing postgresql"

# --- Go builds (cached binaries; Go's own module and build caches make rebuilds fast) ------------
# go_build NAME MODULE VERSION PACKAGE: downloads MODULE@VERSION from the Go module proxy and builds
# PACKAGE inside it (so its own go.mod, replace directives included, applies). Prints the binary path.
go_build() {
  local name=$1 module=$2 version=$3 pkg=$4 out="$BIN/$1-$3"
  if [ ! -x "$out" ]; then
    local dir
    go mod download -json "$module@$version" >"$CACHE/logs/$name.download.log" 2>&1 || true
    dir=$(sed -n 's/^\t"Dir": "\(.*\)",$/\1/p' "$CACHE/logs/$name.download.log")
    [ -n "$dir" ] || return 1
    (cd "$dir" && go build -o "$out.tmp" "$pkg") >"$CACHE/logs/$name.build.log" 2>&1 || return 1
    mv "$out.tmp" "$out"
  fi
  echo "$out"
}

# Terraform CLI
if [ -n "${TERRAFORM_BINARY_NAME:-}" ] && command -v "$TERRAFORM_BINARY_NAME" >/dev/null 2>&1; then
  TF="$(command -v "$TERRAFORM_BINARY_NAME")"
elif command -v terraform >/dev/null 2>&1; then
  TF="$(command -v terraform)"
else
  step "building OpenTofu $OPENTOFU_VERSION from its Go module (no terraform on PATH)"
  TF=$(go_build tofu github.com/opentofu/opentofu "$OPENTOFU_VERSION" ./cmd/tofu) \
    || fail "Terraform CLI: no terraform on PATH and OpenTofu $OPENTOFU_VERSION did not build (see $CACHE/logs/tofu.*.log)"
fi
step "Terraform CLI: $TF ($("$TF" version 2>/dev/null | head -n 1))"

# Providers, built from their Go modules and laid out in a filesystem mirror (no provider registry is
# reachable, so `terraform init` runs offline against it). A provider the Go module proxy does not
# serve is reported and its tier is skipped by the suite.
MIRROR="$CACHE/mirror"
provider_lines=""
build_provider() { # NAME SOURCE MODULE VERSION TRACKED
  local name=$1 source=$2 module=$3 version=$4 tracked=$5 bin semver=${4#v}
  step "provider $source: $module@$version (the bindings track $tracked)"
  if bin=$(go_build "terraform-provider-$name" "$module" "$version" .); then
    # Terraform resolves "kreuzwerker/docker" on registry.terraform.io, OpenTofu on registry.opentofu.org.
    local host dir
    for host in registry.terraform.io registry.opentofu.org; do
      dir="$MIRROR/$host/$source/$semver/linux_amd64"
      mkdir -p "$dir"
      ln -f "$bin" "$dir/terraform-provider-${name}_v$semver" 2>/dev/null || cp -f "$bin" "$dir/terraform-provider-${name}_v$semver"
    done
    provider_lines+="PROVIDER_${name^^}=\"$semver\""$'\n'"PROVIDER_${name^^}_TRACKED=\"$tracked\""$'\n'
  else
    local why
    why=$(grep -hoE '(403 Forbidden|unknown revision|invalid version)[^"]*' "$CACHE/logs/terraform-provider-$name.download.log" 2>/dev/null | head -n 1 || true)
    why=${why//\\n\\t/ }
    echo "engines setup: provider $source $tracked unavailable: $module@$version ${why:-did not build (see $CACHE/logs/terraform-provider-$name.*.log)}" >&2
    provider_lines+="PROVIDER_${name^^}_UNAVAILABLE=\"$module@$version: ${why:-build failed}\""$'\n'
  fi
}
build_provider docker kreuzwerker/docker "$DOCKER_PROVIDER_MODULE" "$DOCKER_PROVIDER_VERSION" "$DOCKER_PROVIDER_TRACKED"
build_provider kubernetes hashicorp/kubernetes "$KUBERNETES_PROVIDER_MODULE" "$KUBERNETES_PROVIDER_VERSION" "$KUBERNETES_PROVIDER_TRACKED"
build_provider vsphere vmware/vsphere "$VSPHERE_PROVIDER_MODULE" "$VSPHERE_PROVIDER_VERSION" "$VSPHERE_PROVIDER_TRACKED"
build_provider hyperv taliesins/hyperv "$HYPERV_PROVIDER_MODULE" "$HYPERV_PROVIDER_VERSION" "$HYPERV_PROVIDER_TRACKED"
build_provider virtualbox shekeriev/virtualbox "$VIRTUALBOX_PROVIDER_MODULE" "$VIRTUALBOX_PROVIDER_VERSION" "$VIRTUALBOX_PROVIDER_TRACKED"
grep -q '^PROVIDER_DOCKER=' <<<"$provider_lines" || fail "the Docker provider: $DOCKER_PROVIDER_MODULE@$DOCKER_PROVIDER_VERSION could not be built"
cat >"$CACHE/terraformrc" <<RC
# Written by scripts/engines/setup.sh: providers come only from the local mirror of builds.
provider_installation {
  filesystem_mirror {
    path = "$MIRROR"
  }
}
RC

# --- Docker Engine -------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  step "starting dockerd"
  nohup dockerd >"$CACHE/logs/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || fail "Docker Engine: dockerd did not start (see $CACHE/logs/dockerd.log)"
fi
step "Docker Engine $(docker version --format '{{.Server.Version}}')"

# --- local registry on 127.0.0.1:$REGISTRY_PORT --------------------------------------------------
REGISTRY="127.0.0.1:$REGISTRY_PORT"
if ! curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1; then
  step "starting docker-registry on $REGISTRY"
  mkdir -p "$CACHE/registry"
  cat >"$CACHE/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $CACHE/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY
YML
  nohup docker-registry serve "$CACHE/registry.yml" >"$CACHE/logs/registry.log" 2>&1 &
  for _ in $(seq 1 30); do curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1 && break; sleep 1; done
  curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1 || fail "local registry: docker-registry did not answer on $REGISTRY (see $CACHE/logs/registry.log)"
fi

# --- test images: a busybox root filesystem (shell, HTTP server, wget for health probes) --------
rootfs="$CACHE/rootfs"
if [ ! -x "$rootfs/bin/busybox" ]; then
  rm -rf "$rootfs" && mkdir -p "$rootfs"/{bin,www,app,tmp,etc,var/cache/nginx}
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"; done
  echo ok >"$rootfs/www/healthz"
  echo 'engines test page' >"$rootfs/www/index.html"
  printf 'root:x:0:0:root:/:/bin/sh\nnginx:x:101:101::/:/bin/false\napp:x:10001:10001::/:/bin/false\nnonroot:x:65532:65532::/:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnginx:x:101:\napp:x:10001:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
  # orders-api: serves /www on $PORT (9000); `orders-api healthcheck` is the image's own health command.
  cat >"$rootfs/app/orders-api" <<'SH'
#!/bin/sh
port="${PORT:-9000}"
if [ "${1:-}" = healthcheck ]; then exec wget -q -O /dev/null "http://127.0.0.1:$port/healthz"; fi
exec httpd -f -p "$port" -h /www
SH
  chmod 755 "$rootfs/app/orders-api"
  chmod 1777 "$rootfs/tmp"
fi
# The tag names the root filesystem's content, so a changed image is pushed again, never confused with an old one.
images_sig=$(cd "$rootfs" && { find . -type f -print0 | sort -z | xargs -0 md5sum; find . -type l | sort; } | md5sum | cut -c1-12)
image_lines=""
push_image() { # NAME USER CMD_JSON
  local name=$1 user=$2 cmd=$3 ref="$REGISTRY/engines/$1:$images_sig" digest
  if ! digest=$(docker image inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$ref" 2>/dev/null | grep -m1 "^$REGISTRY/engines/$name@") \
     || ! curl -fsS -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' "http://$REGISTRY/v2/engines/$name/manifests/${digest#*@}"; then
    tar -C "$rootfs" -c . | docker import --change "USER $user" --change "CMD $cmd" --change 'ENV PATH=/bin' - "$ref" >/dev/null \
      || fail "test image $name: docker import failed"
    docker push -q "$ref" >"$CACHE/logs/push-$name.log" 2>&1 || fail "test image $name: push to $REGISTRY failed (see $CACHE/logs/push-$name.log)"
    digest=$(docker image inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$ref" | grep -m1 "^$REGISTRY/engines/$name@")
  fi
  image_lines+="IMAGE_${name//-/_}=\"$REGISTRY/engines/$name:$images_sig@${digest#*@}\""$'\n'
}
push_image edge-proxy 101 '["httpd","-f","-p","8080","-h","/www"]'
push_image orders-api 10001 '["/app/orders-api"]'
push_image web 65532 '["httpd","-f","-p","8080","-h","/www"]'
# The docker-edge example's three containers (site images keyed by container name).
push_image gateway 65532 '["httpd","-f","-p","8443","-h","/www"]'
push_image sensor-api 65532 '["httpd","-f","-p","9000","-h","/www"]'
push_image telemetry-buffer 65532 '["httpd","-f","-p","5672","-h","/www"]'
# An image whose configuration runs as root: the engines' image policy scanner rejects it.
push_image rooty 0 '["httpd","-f","-p","8080","-h","/www"]'
step "test images pushed to $REGISTRY"

# --- an "outside" test host: a network namespace of our own, routed from the host ---------------
# The suite proves that a container on an internal network cannot reach beyond the Docker host. The
# target is this namespace (198.18.0.2, the benchmarking range, on a veth pair the script makes),
# never an address off this machine.
if ! ip netns exec engines-outside true 2>/dev/null; then
  step "creating the network namespace engines-outside (198.18.0.2)"
  { ip netns add engines-outside \
    && ip link add veth-eng-h type veth peer name veth-eng-o \
    && ip link set veth-eng-o netns engines-outside \
    && ip addr add 198.18.0.1/30 dev veth-eng-h && ip link set veth-eng-h up \
    && ip netns exec engines-outside ip addr add 198.18.0.2/30 dev veth-eng-o \
    && ip netns exec engines-outside ip link set veth-eng-o up \
    && ip netns exec engines-outside ip link set lo up \
    && ip netns exec engines-outside ip route add default via 198.18.0.1; } >"$CACHE/logs/netns.log" 2>&1 \
    || fail "test host: could not create the network namespace engines-outside (see $CACHE/logs/netns.log)"
fi

# --- PostgreSQL: Terraform's pg state backend ----------------------------------------------------
# The server runs as the postgres user, which cannot enter /root: its data lives outside $CACHE.
PGDATA="${ENGINES_PGDATA:-/var/lib/cdktf-hybrid-engines/pgdata}"
PGPORT="${ENGINES_PG_PORT:-55432}"
id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  step "initdb $PGDATA"
  mkdir -p "$PGDATA" && chown postgres "$(dirname "$PGDATA")" "$PGDATA" && chmod 700 "$PGDATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres >"$CACHE/logs/initdb.log" 2>&1 \
    || fail "PostgreSQL: initdb failed (see $CACHE/logs/initdb.log)"
fi
if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  step "starting PostgreSQL on 127.0.0.1:$PGPORT"
  chown -R postgres "$PGDATA"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$PGDATA" start >/dev/null \
    || fail "PostgreSQL: the server did not start (see $PGDATA/server.log)"
fi
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
[ "$(psql_ -c "select 1 from pg_database where datname='terraform_state'")" = 1 ] || psql_ -c 'create database terraform_state' \
  || fail "PostgreSQL: could not create database terraform_state"

# --- Checkov (PyPI) -------------------------------------------------------------------------------
VENV="$CACHE/checkov-venv"
if [ ! -x "$VENV/bin/checkov" ] || ! "$VENV/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  step "pip install checkov==$CHECKOV_VERSION"
  rm -rf "$VENV"
  { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q --disable-pip-version-check "checkov==$CHECKOV_VERSION"; } >"$CACHE/logs/checkov.log" 2>&1 \
    || fail "Checkov $CHECKOV_VERSION from PyPI (see $CACHE/logs/checkov.log)"
fi

cat >"$CACHE/engines.env" <<ENV
# Written by scripts/engines/setup.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)
TERRAFORM="$TF"
TF_CLI_CONFIG_FILE="$CACHE/terraformrc"
PG_CONN_STR="postgres://postgres@127.0.0.1:$PGPORT/terraform_state?sslmode=disable"
PG_BIN="$PG_BIN"
REGISTRY="$REGISTRY"
OUTSIDE_NETNS="engines-outside"
OUTSIDE_IP="198.18.0.2"
CHECKOV="$VENV/bin/checkov"
CHECKOV_VERSION="$CHECKOV_VERSION"
$provider_lines$image_lines
ENV
step "ready: $CACHE/engines.env"
