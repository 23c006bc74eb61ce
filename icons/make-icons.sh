#!/usr/bin/env bash
# Regenerates the app icons: a dark plate holding a 3x3 mosaic of tiles ("tessera").
# Needs Debian's ImageMagick 6 (`apt-get install imagemagick`); run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"

colours=("#16837a" "#e0a132" "#4f7fd0" "#e0a132" "#c4553a" "#16837a" "#4f7fd0" "#16837a" "#e0a132")
draw=(-size 512x512 xc:none -fill "#1d2433" -draw "roundrectangle 16,16 495,495 96,96")
for tile in "${!colours[@]}"; do
  x=$((76 + tile % 3 * 124))
  y=$((76 + tile / 3 * 124))
  draw+=(-fill "${colours[$tile]}" -draw "roundrectangle $x,$y $((x + 111)),$((y + 111)) 18,18")
done

convert "${draw[@]}" -strip PNG32:icon.png
convert icon.png -resize 32x32 -strip PNG32:32x32.png
convert icon.png -resize 128x128 -strip PNG32:128x128.png
convert icon.png -resize 256x256 -strip PNG32:128x128@2x.png
convert icon.png -define icon:auto-resize=256,128,64,48,32,16 icon.ico
