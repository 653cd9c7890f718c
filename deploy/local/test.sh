#!/usr/bin/env bash
# The project's test command: makes sure the headless Chromium the page tests drive is installed,
# then runs every test. Usage: deploy/local/test.sh [more Maven arguments, e.g. -pl services/screening-service -am]
set -euo pipefail

chromium=/usr/bin/chromium
chromedriver=/usr/bin/chromedriver

if [[ ! -x "$chromium" || ! -x "$chromedriver" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "test.sh: installing chromium and chromium-driver for the page tests" >&2
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  else
    echo "test.sh: the page tests need $chromium and $chromedriver;" \
      "install them first: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
exec ./mvnw -B verify "$@"
