#!/usr/bin/env bash
# Build the frozen app (PyInstaller, one folder) and a .deb that installs it
# to /opt/bpstudio with a /usr/bin/bpstudio launcher, a .desktop entry,
# hicolor icons, the application/x-bpstudio MIME type, the copyright file and
# a changelog; Depends are computed by dpkg-shlibdeps.  Prints the bundle's
# and the package's size, the Depends and the frozen app's start-up time.
#
#   PYTHON=.venv/bin/python OUT=dist bash packaging/linux/build.sh
#
# PYTHON must have bpstudio and pyinstaller installed (pip install -e '.[test]').
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
OUT="$(mkdir -p "${OUT:-$ROOT/dist}" && cd "${OUT:-$ROOT/dist}" && pwd)"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n 1)"  # no tomllib: Python 3.10 builds too
ARCH="$(dpkg --print-architecture)"

echo "== PyInstaller bundle (bpstudio $VERSION)"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/pyinstaller" --workpath "$OUT/build" "$ROOT/packaging/bpstudio.spec"
BUNDLE="$OUT/pyinstaller/bpstudio"

echo "== .deb"
PKG="$OUT/deb/bpstudio_${VERSION}_${ARCH}"
DOC="$PKG/usr/share/doc/bpstudio"
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/scalable/apps" "$PKG/usr/share/icons/hicolor/scalable/mimetypes" \
  "$PKG/usr/share/mime/packages" "$DOC" "$PKG/usr/share/lintian/overrides"
cp -a "$BUNDLE" "$PKG/opt/bpstudio"
ln -s /opt/bpstudio/bpstudio "$PKG/usr/bin/bpstudio"
install -m 644 "$ROOT/packaging/linux/bpstudio.desktop" "$PKG/usr/share/applications/bpstudio.desktop"
install -m 644 "$ROOT/resources/icons/bpstudio.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/bpstudio.svg"
"$PYTHON" "$ROOT/packaging/render_icons.py" "$ROOT/resources/icons/bpstudio.svg" \
  "$PKG/usr/share/icons/hicolor"
# .bpstudio and .bplecture files: the MIME types (shared-mime-info's trigger updates the database) and their icons.
install -m 644 "$ROOT/packaging/linux/bpstudio-mime.xml" "$PKG/usr/share/mime/packages/bpstudio.xml"
install -m 644 "$ROOT/resources/icons/bpstudio.svg" \
  "$PKG/usr/share/icons/hicolor/scalable/mimetypes/application-x-bpstudio.svg"
install -m 644 "$ROOT/resources/icons/bpstudio.svg" \
  "$PKG/usr/share/icons/hicolor/scalable/mimetypes/application-x-bplecture.svg"
# Licences and history, where Debian looks for them.
install -m 644 "$ROOT/packaging/linux/copyright" "$DOC/copyright"
CHANGELOG_VERSION="$(sed -n '1s/^bpstudio (\([^)]*\)).*/\1/p' "$ROOT/packaging/linux/changelog")"
if [ "$CHANGELOG_VERSION" != "$VERSION" ]; then
  echo "packaging/linux/changelog starts at $CHANGELOG_VERSION but pyproject.toml says $VERSION" >&2
  exit 1
fi
gzip -9n < "$ROOT/packaging/linux/changelog" > "$DOC/changelog.gz"
# man bpstudio: written from the program's own --help (make_manpage.py).
mkdir -p "$PKG/usr/share/man/man1"
"$PYTHON" "$ROOT/packaging/linux/make_manpage.py" "$OUT/deb/bpstudio.1"
gzip -9n < "$OUT/deb/bpstudio.1" > "$PKG/usr/share/man/man1/bpstudio.1.gz"
chmod 644 "$PKG/usr/share/man/man1/bpstudio.1.gz"
chmod 644 "$DOC/changelog.gz"
install -m 644 "$ROOT/packaging/linux/lintian-overrides" "$PKG/usr/share/lintian/overrides/bpstudio"
# PyInstaller keeps the wheels' permissions (shared libraries marked executable);
# a package wants 755 folders, 644 files, and only the two launchers executable.
find "$PKG" -type d -exec chmod 755 {} +
find "$PKG/opt" -type f -exec chmod 644 {} +
chmod 755 "$PKG/opt/bpstudio/bpstudio" "$PKG/opt/bpstudio/bpstudio-gui"

# Depends: what the bundle's executables and libraries need from the system,
# with versions (libc6 (>= 2.xx) from the newest GLIBC symbol they use), as
# computed by dpkg-shlibdeps. The optional Qt plugins (Wayland, GTK theme) are
# always left out, by a fixed list, so Depends is the same on any build machine
# (see linked_elf_files.py).
# (A file, not a process substitution: a machine that lacks a required library must stop the build.)
"$PYTHON" "$ROOT/packaging/linux/linked_elf_files.py" "$PKG/opt/bpstudio" > "$OUT/deb/elf-files.txt"
mapfile -t ELF_FILES < "$OUT/deb/elf-files.txt"
mapfile -t LIB_DIRS < <(for f in "${ELF_FILES[@]}"; do dirname "$f"; done | sort -u | sed 's/^/-l/')
SHLIBS="$OUT/deb/shlibs"
rm -rf "$SHLIBS" && mkdir -p "$SHLIBS/debian"
printf 'Source: bpstudio\n\nPackage: bpstudio\nArchitecture: any\n' > "$SHLIBS/debian/control"
DEPENDS="$(cd "$SHLIBS" && dpkg-shlibdeps --ignore-missing-info -O "${LIB_DIRS[@]}" "${ELF_FILES[@]}" 2>/dev/null \
  | sed -n 's/^shlibs:Depends=//p')"
if ! grep -q 'libc6 (>= ' <<<"$DEPENDS"; then
  echo "dpkg-shlibdeps found no versioned libc6 dependency: $DEPENDS" >&2
  exit 1
fi
INSTALLED_KB="$(du -sk "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: bpstudio
Version: $VERSION
Architecture: $ARCH
Maintainer: BP Studio developers <bpstudio@example.org>
Installed-Size: $INSTALLED_KB
Section: education
Priority: optional
Depends: $DEPENDS
Recommends: fonts-noto-cjk | fonts-wqy-microhei, shared-mime-info, desktop-file-utils
Description: desktop laboratory for backpropagation
 BP Studio trains a small neural network live and lights up the
 loss-influence chain of any weight you click, with the chain rule and its
 numbers. It reproduces the article "Back Propagation - Python实现".
 Headless use: bpstudio train | gradcheck | chain.
CONTROL
(cd "$PKG" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$PKG/DEBIAN/md5sums"
DEB="$OUT/bpstudio_${VERSION}_${ARCH}.deb"
# xz: every dpkg can unpack it (Debian 11's cannot read zstd members).
dpkg-deb --root-owner-group -Zxz -z"${XZ_LEVEL:-6}" --build "$PKG" "$DEB" >/dev/null

echo "== figures"
echo "bundle:  $(du -sh "$BUNDLE" | cut -f1)  ($BUNDLE)"
echo "package: $(du -sh "$DEB" | cut -f1)  ($DEB)"
echo "depends: $DEPENDS"
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
