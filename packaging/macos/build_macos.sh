#!/usr/bin/env bash
# macOS: "BP Studio.app" (the spec's BUNDLE of the whole one-folder build) and a
# .dmg with the app beside an Applications link, to drag it there.
# Not run here (no macOS machine); CI's macos job runs it and starts the app.
# Run on macOS with a Python that has bpstudio and pyinstaller installed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-$ROOT/dist}"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n 1)"  # no tomllib: Python 3.10 builds too

mkdir -p "$OUT"
# SKIP_BUILD=1 only remakes the .dmg from the app already built (CI does so after signing it).
if [ -z "${SKIP_BUILD:-}" ]; then
  # icon: SVG -> iconset -> .icns
  "$PYTHON" "$ROOT/packaging/render_icons.py" "$ROOT/resources/icons/bpstudio.svg" "$OUT/bpstudio.iconset"
  iconutil -c icns "$OUT/bpstudio.iconset" -o "$ROOT/packaging/macos/bpstudio.icns"

  # the spec makes "BP Studio.app" (BUNDLE) on macOS
  "$PYTHON" -m PyInstaller --noconfirm --clean --distpath "$OUT/pyinstaller" --workpath "$OUT/build" \
    "$ROOT/packaging/bpstudio.spec"
fi

APP="$OUT/pyinstaller/BP Studio.app"
test -x "$APP/Contents/MacOS/bpstudio-gui"
STAGE="$OUT/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
ditto "$APP" "$STAGE/BP Studio.app"  # keeps symlinks, signatures and attributes
ln -s /Applications "$STAGE/Applications"
# One .dmg per architecture (arm64 for Apple silicon, x86_64 for Intel): the build Python's.
DMG="$OUT/bpstudio-$VERSION-$(uname -m).dmg"
rm -f "$DMG"
hdiutil create -volname "BP Studio" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "$DMG"
