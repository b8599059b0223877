#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the WordMill application icon (org.wordmill.WordMill.svg) to the PNG sizes
# that desktops look up in the hicolor theme: icons/<N>x<N>/org.wordmill.WordMill.png.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Run it after editing the SVG
# and commit the PNGs with it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
name=org.wordmill.WordMill
svg="$here/$name.svg"

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "make-icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
    exit 1
fi

for size in 16 22 24 32 48 64 128 256; do
    dir="$here/icons/${size}x${size}"
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "$dir/$name.png" "$svg"
    echo "icons/${size}x${size}/$name.png"
done
