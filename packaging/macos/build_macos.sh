#!/usr/bin/env bash
# macOS: "BP Studio.app" and a .dmg. NOT verified here: no macOS machine.
# Run on macOS with a Python that has bpstudio and pyinstaller installed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-$ROOT/dist}"
VERSION="$("$PYTHON" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$ROOT/pyproject.toml")"

# icon: SVG -> iconset -> .icns
"$PYTHON" "$ROOT/packaging/render_icons.py" "$ROOT/resources/icons/bpstudio.svg" "$OUT/bpstudio.iconset"
iconutil -c icns "$OUT/bpstudio.iconset" -o "$ROOT/packaging/macos/bpstudio.icns"

# the spec makes "BP Studio.app" (BUNDLE) on macOS
"$PYTHON" -m PyInstaller --noconfirm --clean --distpath "$OUT/pyinstaller" --workpath "$OUT/build" \
  "$ROOT/packaging/bpstudio.spec"

DMG="$OUT/bpstudio-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "BP Studio" -srcfolder "$OUT/pyinstaller/BP Studio.app" -ov -format UDZO "$DMG"
echo "$DMG"
