#!/usr/bin/env bash
# Builds the three services' container images (JVM mode, non-root) from their Dockerfile.jvm, tagged with the
# project's version, and optionally pushes them. Needs a JDK >= 21 and a running Docker (or Podman) engine.
# Usage: deploy/images.sh [--prefix NAME] [--tag TAG] [--push] [--no-build] [--help]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

services=(screening-service session-service alert-service)
engine=${SPOTTER_CONTAINER_ENGINE:-docker}
prefix=spotter
tag=""
push=false
build=true

# Why: a one-glance reminder of the options and of what the script needs.
usage() {
  cat <<'EOF'
Usage: deploy/images.sh [--prefix NAME] [--tag TAG] [--push] [--no-build] [--help]
Packages the services (./mvnw package, tests skipped) and builds one image per service from
services/<service>/src/main/docker/Dockerfile.jvm, named <prefix>/<service>:<tag>.
  --prefix NAME  the image names' prefix, e.g. your registry and project (default: spotter)
  --tag TAG      the tag (default: the project's version in pom.xml)
  --push         push the images after building them
  --no-build     use the packaged services in target/quarkus-app as they are
  --help         show this help
Environment: SPOTTER_CONTAINER_ENGINE (docker; podman works too), JAVA_HOME (a JDK >= 21).
The engine must be running: on a machine without one (CI here has none) the images cannot be
built, and the script says so before doing anything. The manifests in deploy/k8s name
spotter/<service>:<version>; an overlay's `images:` points them at your registry.
EOF
}

die() { echo "images.sh: $*" >&2; exit 1; }
say() { echo "==> $*"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a value}; shift 2 ;;
    --tag) tag=${2:?--tag needs a value}; shift 2 ;;
    --push) push=true; shift ;;
    --no-build) build=false; shift ;;
    --help|-h) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

# Why: the version is the parent pom's own <version>, the first one after its <artifactId>.
project_version() {
  sed -n '/<artifactId>spotter-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1
}

command -v "$engine" >/dev/null 2>&1 || die "$engine is not installed: the images cannot be built here"
"$engine" info >/dev/null 2>&1 || die "$engine is installed but its engine is not running: the images cannot be built here"
tag=${tag:-$(project_version)}
[[ -n "$tag" ]] || die "could not read the project's version from pom.xml; give --tag"

if $build; then
  say "packaging the services (tests skipped: run deploy/local/test.sh for those)"
  modules=$(printf 'services/%s,' "${services[@]}")
  ./mvnw -B -q package -DskipTests -pl "${modules%,}" -am
fi

for service in "${services[@]}"; do
  [[ -f "services/$service/target/quarkus-app/quarkus-run.jar" ]] || die "services/$service is not packaged; run without --no-build"
  image="$prefix/$service:$tag"
  cp deploy/jvm.options "services/$service/target/jvm.options" # the image's JVM options, as the local scripts use them
  say "building $image"
  "$engine" build -f "services/$service/src/main/docker/Dockerfile.jvm" -t "$image" "services/$service"
  if $push; then
    say "pushing $image"
    "$engine" push "$image"
  fi
done
say "done: ${services[*]/#/$prefix/} tagged $tag"
