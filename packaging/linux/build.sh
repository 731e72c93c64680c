#!/usr/bin/env bash
# Build the frozen app (PyInstaller, one folder) and a .deb that installs it
# to /opt/bpstudio with a /usr/bin/bpstudio launcher, a .desktop entry and
# hicolor icons.  Prints the bundle's and the package's size and the frozen
# app's start-up time.
#
#   PYTHON=.venv/bin/python OUT=dist bash packaging/linux/build.sh
#
# PYTHON must have bpstudio and pyinstaller installed (pip install -e '.[test]').
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
OUT="$(mkdir -p "${OUT:-$ROOT/dist}" && cd "${OUT:-$ROOT/dist}" && pwd)"
VERSION="$("$PYTHON" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
ARCH="$(dpkg --print-architecture)"

echo "== PyInstaller bundle (bpstudio $VERSION)"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/pyinstaller" --workpath "$OUT/build" "$ROOT/packaging/bpstudio.spec"
BUNDLE="$OUT/pyinstaller/bpstudio"

echo "== .deb"
PKG="$OUT/deb/bpstudio_${VERSION}_${ARCH}"
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$PKG/opt/bpstudio"
ln -s /opt/bpstudio/bpstudio "$PKG/usr/bin/bpstudio"
install -m 644 "$ROOT/packaging/linux/bpstudio.desktop" "$PKG/usr/share/applications/bpstudio.desktop"
install -m 644 "$ROOT/resources/icons/bpstudio.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/bpstudio.svg"
"$PYTHON" "$ROOT/packaging/render_icons.py" "$ROOT/resources/icons/bpstudio.svg" \
  "$PKG/usr/share/icons/hicolor"
INSTALLED_KB="$(du -sk "$PKG" | cut -f1)"
# The system libraries Qt's xcb platform loads (PySide6 ships Qt itself).
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: bpstudio
Version: $VERSION
Architecture: $ARCH
Maintainer: BP Studio developers <bpstudio@example.org>
Installed-Size: $INSTALLED_KB
Section: education
Priority: optional
Recommends: fonts-noto-cjk | fonts-wqy-microhei
Depends: libc6, libegl1, libgl1, libglib2.0-0, libfontconfig1, libfreetype6, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xfixes0, libxcb-xkb1, libx11-xcb1
Description: desktop laboratory for backpropagation
 BP Studio trains a small neural network live and lights up the
 loss-influence chain of any weight you click, with the chain rule and its
 numbers. It reproduces the article "Back Propagation - Python实现".
 Headless use: bpstudio train | gradcheck | chain.
CONTROL
DEB="$OUT/bpstudio_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zzstd --build "$PKG" "$DEB" >/dev/null

echo "== figures"
echo "bundle:  $(du -sh "$BUNDLE" | cut -f1)  ($BUNDLE)"
echo "package: $(du -sh "$DEB" | cut -f1)  ($DEB)"
platform=(env QT_QPA_PLATFORM=offscreen)
if command -v xvfb-run >/dev/null; then
  platform=(env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24")
fi
seconds="$("$PYTHON" - "$BUNDLE/bpstudio" "$OUT/frozen-smoke.png" "${platform[@]}" <<'TIMER'
import subprocess, sys, time
app, shot, *platform = sys.argv[1:]
started = time.perf_counter()
subprocess.run([*platform, app, "--smoke-test", "--iterations", "1", "--screenshot", shot],
               check=True, capture_output=True)
print(f"{time.perf_counter() - started:.2f}")
TIMER
)"
echo "start-up of the frozen app to a painted window, one iteration, screenshot: $seconds s"
echo "$DEB"
