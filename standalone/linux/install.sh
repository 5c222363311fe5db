#!/bin/sh
# Installe Fabrique pour l'utilisateur courant, sans droits d'administrateur :
#   ./install.sh              copie l'application dans ~/.local/share/fabrique-app, l'ajoute au
#                             menu des applications, et fait ouvrir les fichiers .fabrique par Fabrique
#   ./install.sh --uninstall  retire tout cela (les ateliers, dans ~/.local/share/Fabrique, restent)
# Installs Fabrique for the current user (no root); --uninstall removes it (data are kept).
set -eu

APP_ID=org.fabrique.Fabrique
MIME=application/x-fabrique
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
TARGET=$DATA/fabrique-app
BIN=$HOME/.local/bin

say() { printf '%s\n' "$*"; }
quiet() { "$@" >/dev/null 2>&1 || true; }

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then quiet update-mime-database "$DATA/mime"; fi
  if command -v update-desktop-database >/dev/null 2>&1; then quiet update-desktop-database "$DATA/applications"; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then quiet gtk-update-icon-cache -f -t "$DATA/icons/hicolor"; fi
}

# [Default Applications] application/x-fabrique=org.fabrique.Fabrique.desktop in mimeapps.list
# (what `xdg-mime default` writes; done here because xdg-utils is not always installed)
set_default_handler() {
  list=$CONFIG/mimeapps.list
  mkdir -p "$CONFIG"
  [ -f "$list" ] || : > "$list"
  awk -v key="$MIME" -v value="$APP_ID.desktop" '
    BEGIN { done = 0 }
    /^\[/ { if (section == "[Default Applications]" && !done) { print key "=" value; done = 1 }
            section = $0 }
    section == "[Default Applications]" && index($0, key "=") == 1 { next }
    { print }
    END { if (!done) { if (section != "[Default Applications]") print "[Default Applications]";
                       print key "=" value } }
  ' "$list" > "$list.tmp" && mv "$list.tmp" "$list"
}

uninstall() {
  rm -rf "$TARGET"
  rm -f "$BIN/fabrique" "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/mime/packages/$APP_ID.xml" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$DATA/icons/hicolor/${size}x$size/apps/$APP_ID.png"
  done
  if [ -f "$CONFIG/mimeapps.list" ]; then
    grep -v "^$MIME=$APP_ID.desktop\$" "$CONFIG/mimeapps.list" > "$CONFIG/mimeapps.list.tmp" || true
    mv "$CONFIG/mimeapps.list.tmp" "$CONFIG/mimeapps.list"
  fi
  refresh
  say "Fabrique est désinstallée. Vos ateliers restent dans $DATA/Fabrique."
}

install() {
  [ -x "$HERE/fabrique" ] || { say "install.sh : lancez-le depuis le dossier Fabrique décompressé."; exit 1; }
  # the application itself: copied next to the old one, then swapped (an open Fabrique keeps going)
  mkdir -p "$DATA" "$BIN"
  if [ "$HERE" != "$TARGET" ]; then
    rm -rf "$TARGET.new"
    cp -a "$HERE" "$TARGET.new"
    rm -rf "$TARGET.old"
    [ ! -e "$TARGET" ] || mv "$TARGET" "$TARGET.old"
    mv "$TARGET.new" "$TARGET"
    rm -rf "$TARGET.old"
  fi
  ln -sf "$TARGET/fabrique" "$BIN/fabrique"
  # the menu entry, pointing at the copy (~/.local/bin is not on every desktop's PATH)
  mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages"
  sed -e "s|^Exec=fabrique|Exec=\"$TARGET/fabrique\"|" -e "s|^TryExec=fabrique|TryExec=$TARGET/fabrique|" \
    "$HERE/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
  cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/"
  cp "$HERE/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"
  for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$DATA/icons/hicolor/${size}x$size/apps"
    cp "$HERE/icons/fabrique-$size.png" "$DATA/icons/hicolor/${size}x$size/apps/$APP_ID.png"
  done
  mkdir -p "$DATA/icons/hicolor/scalable/apps"
  cp "$HERE/icons/fabrique.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
  set_default_handler
  refresh
  say "Fabrique est installée : menu des applications › Fabrique, ou « fabrique » dans un terminal."
  say "Les fichiers .fabrique (copies des preneurs de notes) s'ouvrent dans Fabrique d'un double-clic."
  case ":$PATH:" in *":$BIN:"*) ;; *) say "(Pour la commande « fabrique » : ajoutez $BIN à votre PATH.)" ;; esac
}

case "${1:-}" in
  --uninstall) uninstall ;;
  ""|--install) install ;;
  *) say "usage : ./install.sh [--uninstall]"; exit 2 ;;
esac
