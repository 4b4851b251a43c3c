#!/usr/bin/env bash
# Install everything the pipeline and its tests need on a fresh Debian machine:
# system libraries (WeasyPrint's Pango and HarfBuzz subsetting, without which it warns and runs 3x slower, poppler-utils for page previews,
# LibreOffice and the Lato font for the DOCX render check, DejaVu as the font set of the check
# that LibreOffice uses the Lato embedded in the DOCX, Chromium and its driver for the browser tests of the HTML
# edition and the preview, Node's npm for axe-core), then the package in .venv and axe-core (tests/axe, locked).
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui fonts-lato fonts-dejavu-core chromium chromium-driver npm)
missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
npm ci --prefix tests/axe --no-audit --no-fund --silent
