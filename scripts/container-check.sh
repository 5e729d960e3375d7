#!/usr/bin/env bash
# Builds the bridge's container image (whatsapp-bridge/Dockerfile) with podman and checks it against the stand-ins and
# the imitation WhatsApp Web page: user, PID 1, profile directory, health check, the injected script, a message in and
# out, SIGTERM and temp files, a read-only root, and the memory after traffic (docs/whatsapp-bridge.md, "Container").
# Needs no registry: the debian:trixie-slim base is rebuilt from deb.debian.org with mmdebstrap and cached.
#
#   sudo bash scripts/container-check.sh
#
# Environment:
#   CONTAINER_CHECK_CACHE        the cache directory (default ~/.cache/wassist/container-check)
#   CONTAINER_CHECK_REFRESH=1    rebuild the cached base rootfs (newer trixie packages)
#   CONTAINER_CHECK_SKIP_BUILD=1 use the jar and test classes already built
#   DEBIAN_MIRROR                default http://deb.debian.org/debian (security updates from .../debian-security)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

IMAGE="localhost/wassist-bridge:check"
BASE="localhost/wassist-trixie-slim:check"
CACHE="${CONTAINER_CHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wassist/container-check}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES=(podman buildah mmdebstrap uidmap slirp4netns fuse-overlayfs runc)

step() { STEP="$1"; STEP_START=$SECONDS; say "$1"; }
done_step() { say "$STEP: done in $((SECONDS - STEP_START)) s"; }

require_tools() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]}, and no apt-get to install them"
  say "installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# podman settings for this script only (CONTAINERS_CONF), for hosts like build VMs and CI runners:
# - crun refuses hybrid cgroups (v1 controllers plus a v2 hierarchy with controllers); runc accepts them.
# - without CAP_SYS_RESOURCE podman cannot raise a container's limits to its defaults: use the current hard limits.
containers_conf() {
  local conf="$CACHE/containers.conf" nofile nproc pid_max
  nofile="$(ulimit -Hn)"
  nproc="$(ulimit -Hu)"
  pid_max="$(cat /proc/sys/kernel/pid_max)"
  [[ "$nproc" == unlimited || "$nproc" -gt "$pid_max" ]] && nproc="$pid_max"
  {
    echo "[containers]"
    [[ "$nofile" == unlimited ]] || echo "default_ulimits = [\"nofile=$nofile:$nofile\", \"nproc=$nproc:$nproc\"]"
    echo "[engine]"
    if [[ -n "$(cat /sys/fs/cgroup/unified/cgroup.controllers 2>/dev/null)" ]]; then
      echo 'runtime = "runc"'
    fi
  } >"$conf"
  export CONTAINERS_CONF="$conf"
}

# debian:trixie-slim rebuilt: minbase, with the slim image's dpkg excludes (docs, man pages, locales) and apt's cache
# cleaned after each install, from trixie, trixie-updates and trixie-security.
base_image() {
  local tar="$CACHE/trixie-slim.tar" stamp="$CACHE/trixie-slim.imported"
  if [[ ! -s "$tar" || "${CONTAINER_CHECK_REFRESH:-0}" == 1 ]]; then
    step "building the trixie-slim base rootfs with mmdebstrap (cached in $CACHE)"
    rm -rf "$tar.part"
    mmdebstrap --quiet --variant=minbase --mode=root --format=tar \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/groff/*' \
      --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/lintian/overrides/*' \
      --dpkgopt='path-exclude=/usr/share/linda/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
      --dpkgopt='path-include=/usr/share/locale/locale.alias' \
      --aptopt='Acquire::Languages "none"' \
      --aptopt='DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; }' \
      trixie "$tar.part" \
      "deb $MIRROR trixie main" "deb $MIRROR trixie-updates main" "deb ${MIRROR}-security trixie-security main"
    mv "$tar.part" "$tar"
    done_step
  fi
  if [[ ! "$stamp" -nt "$tar" ]] || ! podman image exists "$BASE"; then
    podman import --quiet --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' "$tar" "$BASE" >/dev/null
    touch "$stamp"
  fi
}

# The build context is what CDK sends too: the Dockerfile and the files it copies, nothing else.
build_image() {
  local ignore="$CACHE/containerignore"
  {
    echo '**'
    echo '!whatsapp-bridge/Dockerfile'
    awk '/^(COPY|ADD) /{for (i = 2; i < NF; i++) if ($i !~ /^--/) print "!" $i}' whatsapp-bridge/Dockerfile
  } >"$ignore"
  local previous
  previous="$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
  step "building $IMAGE"
  podman build --quiet --format docker --pull=never --network=host --ignorefile "$ignore" \
    --build-arg "BASE_IMAGE=$BASE" -f whatsapp-bridge/Dockerfile -t "$IMAGE" . >"$CACHE/build.log" 2>&1 \
    || { tail -n 40 "$CACHE/build.log" >&2; die "the image did not build (log: $CACHE/build.log)"; }
  done_step
  # The image this build replaced, so that repeated runs do not pile up images (its layers stay cached if shared).
  if [[ -n "$previous" && "$previous" != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]]; then
    podman rmi "$previous" >/dev/null 2>&1 || true
  fi
  say "image size: $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1 / 1000000}')"
}

main() {
  [[ "$(id -u)" -eq 0 ]] || die "run it as root (sudo): it installs podman when missing, runs rootful containers and reads their memory from /proc"
  [[ "$(uname -s)" == Linux ]] || die "Linux only"
  local start=$SECONDS
  mkdir -p "$CACHE"
  select_jdk
  require_tools
  containers_conf
  if [[ "${CONTAINER_CHECK_SKIP_BUILD:-0}" != 1 ]]; then
    step "building the bridge jar and its test classes"
    ./mvnw -B -q -ntp -pl whatsapp-bridge -am install -Pbuild-only
    done_step
  fi
  [[ -s whatsapp-bridge/target/whatsapp-bridge.jar ]] || die "whatsapp-bridge/target/whatsapp-bridge.jar is missing"
  base_image
  build_image
  step "checking the image (PASS/FAIL lines follow)"
  local target="$REPO_ROOT/whatsapp-bridge/target" rc=0
  mkdir -p "$target/tmp"
  ./mvnw -B -q -ntp -pl whatsapp-bridge dependency:build-classpath -Dmdep.includeScope=test \
    "-Dmdep.outputFile=$target/container-check.classpath"
  # The check runs ElasticMQ (Pekko, which uses sun.misc.Unsafe) in this JVM: allowed explicitly, as in every test JVM.
  "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow "-Djava.io.tmpdir=$target/tmp" \
    "-Dwassist.container.image=$IMAGE" \
    "-Dwassist.repo.root=$REPO_ROOT" -cp "$target/test-classes:$target/classes:$(cat "$target/container-check.classpath")" \
    org.wassist.bridge.whatsapp.ContainerCheck || rc=$?
  done_step
  say "total: $((SECONDS - start)) s"
  [[ $rc -eq 0 ]] || die "the container check failed (FAIL lines above)"
  say "PASS: the image built and every check passed"
}

main "$@"
