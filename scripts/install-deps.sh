#!/usr/bin/env bash
# Installs the Debian packages Stance Explorer needs at run time and for its tests:
# Xvfb (a display for the real-window smoke test), Mesa EGL/GL (software rendering
# for wgpu and kittest snapshots), X11/xkb libraries winit loads, xdotool and
# ImageMagick for scripted screenshots, desktop-file-utils for the .desktop check.
# Skips the install when everything is already there.
set -euo pipefail
PACKAGES=(xvfb xauth libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon0 libxkbcommon-x11-0
  libgl1 libglx-mesa0 libgl1-mesa-dri libegl1 libegl-mesa0 libwayland-client0 libwayland-egl1
  fontconfig fonts-dejavu-core xdotool imagemagick desktop-file-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
