#!/usr/bin/env bash
# Per-user install of Stance Explorer: no root needed.
#
# Usage: scripts/install-user.sh [--build] [--uninstall] [PREFIX]
#
#   PREFIX       where to install; default $HOME/.local
#   --build      run `cargo build --release --locked` first, even if a release
#                binary already exists (without it, it only builds when
#                target/release/stance-explorer is missing)
#   --uninstall  remove the files a previous install put under PREFIX
#   -h, --help   show this help
#
# Environment:
#   STANCE_BIN   the binary to install instead of target/release/stance-explorer
#                (then nothing is built)
#
# Installs:
#   PREFIX/bin/stance-explorer
#   PREFIX/share/applications/stance-explorer.desktop   (Exec points at the binary above)
#   PREFIX/share/icons/hicolor/256x256/apps/stance-explorer.png
#   PREFIX/share/icons/hicolor/scalable/apps/stance-explorer.svg
#
# When PREFIX is $HOME/.local it then refreshes the desktop and icon caches
# (update-desktop-database, gtk-update-icon-cache) if those tools exist, so
# the launcher and "Open with Stance Explorer" show up without logging out.
# Running it again overwrites the same files; it is safe to repeat.
set -euo pipefail

APP=stance-explorer
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { echo "install-user: $*" >&2; }
die() {
  say "error: $*"
  exit 1
}
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

build=0
uninstall=0
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=1 ;;
    --uninstall) uninstall=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    --)
      shift
      [ $# -le 1 ] || die "too many arguments (see --help)"
      [ $# -eq 0 ] || prefix="$1"
      break
      ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *)
      [ -z "$prefix" ] || die "only one PREFIX may be given (see --help)"
      prefix="$1"
      ;;
  esac
  shift
done

if [ -z "$prefix" ]; then
  [ -n "${HOME:-}" ] || die "HOME is not set; pass PREFIX explicitly"
  prefix="$HOME/.local"
fi
case "$prefix" in
  /*) ;;
  *) prefix="$PWD/$prefix" ;;
esac
prefix="${prefix%/}"
[ -n "$prefix" ] || die "PREFIX must not be /"

BIN_DEST="$prefix/bin/$APP"
DESKTOP_DEST="$prefix/share/applications/$APP.desktop"
PNG_DEST="$prefix/share/icons/hicolor/256x256/apps/$APP.png"
SVG_DEST="$prefix/share/icons/hicolor/scalable/apps/$APP.svg"

# Caches are only refreshed for the user's own prefix: a scratch or staging
# prefix is not something the desktop reads.
is_home_prefix() {
  [ -n "${HOME:-}" ] || return 1
  local home_prefix="${HOME%/}/.local"
  [ "$prefix" = "$home_prefix" ] && return 0
  [ -d "$prefix" ] && [ -d "$home_prefix" ] && [ "$prefix" -ef "$home_prefix" ]
}

refresh_caches() {
  if ! is_home_prefix; then
    say "PREFIX is not \$HOME/.local: not refreshing desktop/icon caches"
    return 0
  fi
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$prefix/share/applications" ]; then
    update-desktop-database -q "$prefix/share/applications" ||
      say "warning: update-desktop-database failed (harmless; the menu refreshes at next login)"
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$prefix/share/icons/hicolor" ]; then
    gtk-update-icon-cache -q -f -t "$prefix/share/icons/hicolor" ||
      say "warning: gtk-update-icon-cache failed (harmless; icons refresh at next login)"
  fi
}

if [ "$uninstall" -eq 1 ]; then
  removed=0
  for f in "$BIN_DEST" "$DESKTOP_DEST" "$PNG_DEST" "$SVG_DEST"; do
    if [ -e "$f" ] || [ -L "$f" ]; then
      rm -f -- "$f"
      say "removed $f"
      removed=$((removed + 1))
    fi
  done
  if [ "$removed" -eq 0 ]; then
    say "nothing to remove under $prefix"
  fi
  refresh_caches
  say "uninstalled Stance Explorer from $prefix"
  exit 0
fi

for f in assets/$APP.desktop assets/icon.png assets/icon.svg; do
  [ -f "$ROOT/$f" ] || die "$ROOT/$f is missing"
done

# The binary: STANCE_BIN, or the release build (built here when missing or with --build).
if [ -n "${STANCE_BIN:-}" ]; then
  src_bin="$STANCE_BIN"
  [ "$build" -eq 0 ] || say "STANCE_BIN is set: ignoring --build"
else
  src_bin="${CARGO_TARGET_DIR:-$ROOT/target}/release/$APP"
  case "$src_bin" in
    /*) ;;
    *) src_bin="$ROOT/$src_bin" ;;
  esac
  if [ "$build" -eq 1 ] || [ ! -x "$src_bin" ]; then
    command -v cargo >/dev/null 2>&1 || die "cargo is needed to build the binary (https://rustup.rs), or set STANCE_BIN"
    say "building the release binary (cargo build --release --locked)..."
    (cd "$ROOT" && cargo build --release --locked)
  fi
fi
if [ ! -f "$src_bin" ] || [ ! -x "$src_bin" ]; then
  die "no executable binary at $src_bin"
fi

# Desktop entries need special characters in Exec quoted and escaped; plain
# paths are written as they are.
exec_arg() {
  local p="$1"
  if [[ "$p" =~ ^[A-Za-z0-9/._+,@:=-]+$ ]]; then
    printf '%s' "$p"
  else
    p="${p//\\/\\\\\\\\}" # \  -> \\\\ (quoting rule, then string escape)
    p="${p//\"/\\\\\"}"   # "  -> \\"
    p="${p//\`/\\\\\`}"   # `  -> \\`
    p="${p//\$/\\\\\$}"   # $  -> \\$
    p="${p//%/%%}"        # %  -> %%
    printf '"%s"' "$p"
  fi
}
string_value() {
  local p="$1"
  p="${p//\\/\\\\}"
  printf '%s' "$p"
}

tmp="$(mktemp -d)"
trap 'rm -rf -- "$tmp"' EXIT

# Point Exec/TryExec at the installed binary, so the launcher works even when
# PREFIX/bin is not on the session's PATH.
exec_line="Exec=$(exec_arg "$BIN_DEST") %F"
tryexec_line="TryExec=$(string_value "$BIN_DEST")"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    Exec=*) printf '%s\n' "$exec_line" ;;
    TryExec=*) printf '%s\n' "$tryexec_line" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$ROOT/assets/$APP.desktop" >"$tmp/$APP.desktop"

mkdir -p -- "$(dirname "$BIN_DEST")" "$(dirname "$DESKTOP_DEST")" "$(dirname "$PNG_DEST")" "$(dirname "$SVG_DEST")"

if [ "$src_bin" -ef "$BIN_DEST" ]; then
  say "$BIN_DEST is already the binary to install: left as it is"
else
  # Copy next to the destination, then rename: replaces a running binary safely.
  cp -- "$src_bin" "$BIN_DEST.new"
  chmod 755 -- "$BIN_DEST.new"
  mv -f -- "$BIN_DEST.new" "$BIN_DEST"
fi
install -m 644 -- "$tmp/$APP.desktop" "$DESKTOP_DEST"
install -m 644 -- "$ROOT/assets/icon.png" "$PNG_DEST"
install -m 644 -- "$ROOT/assets/icon.svg" "$SVG_DEST"
for f in "$BIN_DEST" "$DESKTOP_DEST" "$PNG_DEST" "$SVG_DEST"; do
  say "installed $f"
done

if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$DESKTOP_DEST" || say "warning: desktop-file-validate reported problems in $DESKTOP_DEST"
fi

refresh_caches

case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) say "note: $prefix/bin is not on PATH; the menu entry still works, but to run 'stance-explorer' from a shell add it to PATH" ;;
esac
if [ -n "${HOME:-}" ] && [ "$prefix" = "${HOME%/}/.local" ]; then
  say "done: Stance Explorer is installed in $prefix (remove with: $0 --uninstall)"
else
  say "done: Stance Explorer is installed in $prefix (remove with: $0 --uninstall $(printf '%q' "$prefix"))"
fi
