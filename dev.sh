#!/usr/bin/env bash
# Fabrique developer entry point. Sets everything up on first use (virtualenv, packages,
# the few Debian libraries Qt needs), then:
#   ./dev.sh run    opens the app on the built-in demo atelier (extra args go to `fabrique`)
#   ./dev.sh test   runs the whole test suite headless (extra args go to pytest)
#   ./dev.sh package  builds the standalone app: dist/Fabrique/ and its archive (standalone/)
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv
QT_LIBS="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3"
# the one test on a real X window (tests/ui/test_wall_real_window.py; skipped without them);
# poppler-utils: the reports are read back as a reader sees them (pdftotext)
TEST_DEBS="xvfb openbox xdotool poppler-utils"
QT_XCB_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1"

say() { printf '%s\n' "$*" >&2; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installation des bibliothèques système : $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
  else
    say "Il manque des paquets système ; installez-les avec : sudo apt-get install $*"
    return 1
  fi
}

missing_debs() {
  local missing=()
  command -v dpkg-query >/dev/null || return 0
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

ensure_system() {
  local missing
  missing=$(missing_debs $QT_LIBS ${1:-})
  [ -z "$missing" ] || apt_install $missing
}

# The phones' page is tested in a real browser: Debian's chromium, driven by Playwright (whose
# own browser download is not used). Without it those tests are skipped, saying why.
ensure_browser() {
  local missing
  missing=$(missing_debs chromium)
  [ -z "$missing" ] || apt_install chromium || say "Chromium absent : les tests de la page des téléphones seront sautés."
}

# Node packages some tests run against (Node's y-websocket server for tests/relay; axe-core,
# the accessibility checker of the phones' page and of the reports' HTML edition, in
# tests/phones/axe): each folder holds a package.json and its package-lock.json. Without npm those tests are skipped, saying why.
NPM_FOLDERS="tests/relay/node tests/phones/axe"
ensure_npm_packages() {
  command -v npm >/dev/null || { say "npm absent : les tests qui utilisent Node seront sautés."; return 0; }
  local folder wanted
  for folder in $NPM_FOLDERS; do
    wanted=$(sha256sum "$folder/package-lock.json" | cut -c1-16)
    if [ "$(cat "$folder/node_modules/.fabrique-installed" 2>/dev/null)" != "$wanted" ]; then
      npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error >/dev/null \
        && echo "$wanted" > "$folder/node_modules/.fabrique-installed" \
        || say "npm ci a échoué dans $folder : les tests qui en ont besoin seront sautés."
    fi
  done
}

ensure_venv() {
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { say "Fabrique demande Python 3.11 ou plus récent."; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      apt_install python3-venv && "$PYTHON" -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.installed" wanted
  wanted=$(sha256sum pyproject.toml | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    echo "$wanted" > "$stamp"
  fi
  # The bytecode pip writes for an ordinary install; an editable one is compiled on import
  # only, and never when PYTHONDONTWRITEBYTECODE is set (~25 ms more at every start-up).
  "$VENV/bin/python" -m compileall -q fabrique_desktop db exports ui >/dev/null || true
}

case "${1:-}" in
  run)
    shift
    ensure_system "$QT_XCB_LIBS"
    ensure_venv
    exec "$VENV/bin/fabrique" "$@"
    ;;
  test)
    shift
    ensure_system
    missing=$(missing_debs $TEST_DEBS $QT_XCB_LIBS)
    [ -z "$missing" ] || apt_install $missing \
      || say "Sans $missing, le test sur une vraie fenêtre X est sauté."
    ensure_browser
    ensure_npm_packages
    ensure_venv
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  package)
    shift
    ensure_system "$QT_XCB_LIBS"  # shipped inside the app: a desktop may lack some xcb ones
    ensure_venv
    exec "$VENV/bin/python" standalone/build.py "$@"
    ;;
  *)
    say "usage : ./dev.sh run [options de fabrique]   |   ./dev.sh test [options de pytest]   |   ./dev.sh package"
    exit 2
    ;;
esac
