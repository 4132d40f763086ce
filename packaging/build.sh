#!/usr/bin/env bash
# Build the one-folder Linux app with PyInstaller and add the desktop integration files.
#   packaging/build.sh            -> dist/casefile/ (run it as dist/casefile/casefile)
# Needs: the project's venv (or any Python with casefile and its dependencies installed) and
# `pip install pyinstaller`. Prints the build time and the folder's size at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DIST="${DIST:-$ROOT/dist}"
WORK="${WORK:-$ROOT/build/pyinstaller}"
PYTHON="${PYTHON:-python}"
if [[ -z "${VIRTUAL_ENV:-}" && -x "$ROOT/.venv/bin/python" ]]; then
    PYTHON="$ROOT/.venv/bin/python"
fi
APP_ID="org.casefile.Casefile"

"$PYTHON" -c "import PyInstaller" 2>/dev/null || {
    echo "build.sh: PyInstaller is not installed for $PYTHON (pip install pyinstaller)" >&2; exit 1; }

start=$(date +%s)
cd "$ROOT"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$HERE/casefile.spec"

APP="$DIST/casefile"
# Desktop integration, laid out as under /usr so a packager can copy share/ as is.
install -Dm644 "$HERE/$APP_ID.desktop" "$APP/share/applications/$APP_ID.desktop"
install -Dm644 "$HERE/$APP_ID.metainfo.xml" "$APP/share/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$HERE/$APP_ID.mime.xml" "$APP/share/mime/packages/$APP_ID.xml"
install -Dm644 "$ROOT/resources/icons/$APP_ID.svg" "$APP/share/icons/hicolor/scalable/apps/$APP_ID.svg"

end=$(date +%s)
echo "built $APP in $((end - start)) s; size $(du -sh "$APP" | cut -f1) ($(find "$APP" -type f | wc -l) files)"
