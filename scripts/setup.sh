#!/usr/bin/env bash
# Installs the Debian 12 packages Dorsal needs to build, run and test, and nothing else.
# Quick when everything is present: it only asks dpkg which packages are missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config          # compiler and build system
  libimgui-dev libglfw3-dev libglm-dev      # UI, window, maths
  libassimp-dev zlib1g-dev libstb-dev       # model import (Assimp's CMake package links zlib), PNG read/write
  libtomlplusplus-dev libcli11-dev          # content files, command line
  libmeshoptimizer-dev                      # mesh clean-up for large models
  nlohmann-json3-dev                        # reading a glTF file's node tree before Assimp does
  libstemmer-dev                            # search: Snowball's English stemmer ("hurts" is "hurt")
  libegl-dev libgl-dev libopengl-dev        # OpenGL and EGL headers and dispatch
  libgl1-mesa-dri libegl-mesa0              # Mesa: software rendering with no GPU or display
  libcairo2-dev libpango1.0-dev             # handouts: the PDF and its typesetting
  fonts-dejavu-core                         # readable UI and handout font
  catch2                                    # tests
  desktop-file-utils appstream              # tests: validating the desktop file and the metainfo
  poppler-utils                             # tests: reading handouts back (pdftotext, pdfinfo, pdftoppm)
  file                                      # make package: CPack finds the binaries to scan for libraries
  xvfb xauth                                # a virtual display for window tests
)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "setup: these packages are missing and sudo is not available; install them as root: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
