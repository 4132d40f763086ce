#!/usr/bin/env bash
# Smoke-run the built app from its own folder, with no source tree, no Python environment, no
# display and (where the machine allows it) no network:
#   packaging/smoke.sh [dist/casefile/casefile]
# Runs `--version`, `demo --no-gui --report`, checks the PDF, verifies the case, imports in parallel,
# signs a report (with openssl present) and renders the main window offscreen to a PNG.
# Exits non-zero on the first failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP="$(readlink -f "${1:-$HERE/../dist/casefile/casefile}")"
[[ -x "$APP" ]] || { echo "smoke.sh: no built app at $APP (run packaging/build.sh)" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"   # nothing of the repository on the path or in the working directory

# A clean environment: no PYTHONPATH/PYTHONHOME/VIRTUAL_ENV, offscreen Qt.
RUN=(env -i "HOME=$TMP" "PATH=/usr/bin:/bin" "LANG=C.UTF-8" "QT_QPA_PLATFORM=offscreen"
     "CASEFILE_INVESTIGATOR=Smoke Test" "XDG_CONFIG_HOME=$TMP/config" "XDG_RUNTIME_DIR=$TMP")
# No network: a fresh network namespace when unshare is allowed here (root or user namespaces).
if unshare -n true 2>/dev/null; then
    RUN=(unshare -n "${RUN[@]}"); NET="none (network namespace)"
elif unshare -rn true 2>/dev/null; then
    RUN=(unshare -rn "${RUN[@]}"); NET="none (user + network namespace)"
else
    NET="not isolated (unshare not permitted here)"
fi
echo "smoke: app $APP; network: $NET"

start=$(date +%s)
version="$("${RUN[@]}" "$APP" --version)"
echo "smoke: --version -> $version"
[[ "$version" == Casefile\ * ]] || { echo "smoke: unexpected --version output" >&2; exit 1; }

"${RUN[@]}" "$APP" demo --dir "$TMP/demo" --no-gui --report "$TMP/demo.pdf"
head -c 5 "$TMP/demo.pdf" | grep -q '%PDF-' || { echo "smoke: no PDF written" >&2; exit 1; }
size=$(stat -c %s "$TMP/demo.pdf")
(( size > 20000 )) || { echo "smoke: PDF suspiciously small ($size bytes)" >&2; exit 1; }
echo "smoke: report $size bytes"

CASE="$TMP/demo/caracas-2019-demo.casefile"
"${RUN[@]}" "$APP" verify "$CASE"
# parallel import (worker processes re-run the frozen executable) into a second case
"${RUN[@]}" "$APP" new "$TMP/second" --title "Smoke: parallel import" >/dev/null
INPUTS=("$TMP/demo/caracas-2019-demo-inputs/flights" "$TMP/demo/caracas-2019-demo-inputs/photos")
N_INPUTS=$(find "${INPUTS[@]}" -type f | wc -l)
"${RUN[@]}" "$APP" add "$TMP/second.casefile" "${INPUTS[@]}" -r --workers 2 \
    | tail -1 | grep -q "^$N_INPUTS imported, 0 duplicate, 0 failed" \
    || { echo "smoke: parallel import from the bundle failed" >&2; exit 1; }
echo "smoke: parallel import OK"
"${RUN[@]}" "$APP" gui "$CASE" --screenshot "$TMP/window.png"
head -c 8 "$TMP/window.png" | grep -q 'PNG' || { echo "smoke: no window screenshot" >&2; exit 1; }
if command -v openssl >/dev/null; then   # offline PAdES signing from the bundle (pyHanko)
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" -days 2 \
        -subj "/CN=Casefile smoke test" 2>/dev/null
    "${RUN[@]}" "$APP" report "$CASE" -o "$TMP/signed.pdf" --sign-cert "$TMP/cert.pem" \
        --sign-key "$TMP/key.pem" >/dev/null
    grep -q "/ByteRange" "$TMP/signed.pdf" || { echo "smoke: signed PDF has no signature" >&2; exit 1; }
    echo "smoke: signed report OK"
fi
if [[ -n "${SMOKE_KEEP:-}" ]]; then
    mkdir -p "$SMOKE_KEEP" && cp "$TMP/demo.pdf" "$TMP/window.png" "$SMOKE_KEEP/"
    echo "smoke: kept demo.pdf and window.png in $SMOKE_KEEP"
fi
echo "smoke: OK in $(( $(date +%s) - start )) s"
