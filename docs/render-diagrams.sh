#!/usr/bin/env bash
# Renders every processes/*.bpmn to docs/diagrams/<name>.svg and <name>.png
# with bpmn-js (the library Camunda Modeler uses) in headless Chromium.
#
# Usage: docs/render-diagrams.sh [processes/foo.bpmn ...]   (default: all)
#
# Needs: node + npm (npm registry), Debian's chromium and a CJK font
# (fonts-noto-cjk) so the Chinese labels render in the PNG. As root the
# script installs the Debian packages itself when they are missing.
# The npm packages go into docs/.render/node_modules (gitignored).
set -euo pipefail

BPMN_JS_VERSION=18.31.1
PLAYWRIGHT_CORE_VERSION=1.65.1

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
render_dir="$repo/docs/.render"
out_dir="$repo/docs/diagrams"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian package(s): $*  (run: sudo apt-get install -y $*)" >&2
    exit 1
  fi
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

[ -x "$CHROMIUM_PATH" ] || apt_install chromium
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  apt_install fonts-noto-cjk
fi

# npm packages, pinned, outside the committed tree.
installed_version() {
  node -e 'try{console.log(require(process.argv[1]).version)}catch(e){}' \
    "$render_dir/node_modules/$1/package.json"
}
if [ "$(installed_version bpmn-js)" != "$BPMN_JS_VERSION" ] ||
   [ "$(installed_version playwright-core)" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  mkdir -p "$render_dir"
  [ -f "$render_dir/package.json" ] || echo '{"private":true}' > "$render_dir/package.json"
  # playwright-core never downloads a browser itself; keep it that way.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$render_dir" \
    --no-audit --no-fund --save-exact --loglevel=error \
    "bpmn-js@$BPMN_JS_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
fi

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=("$repo"/processes/*.bpmn)
  shopt -u nullglob
fi
if [ "${#files[@]}" -eq 0 ]; then
  echo "no processes/*.bpmn to render" >&2
  exit 0
fi

mkdir -p "$out_dir"
node "$repo/docs/render-diagrams.mjs" "$render_dir" "$out_dir" "${files[@]}"
