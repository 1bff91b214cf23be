#!/usr/bin/env bash
# Regenerates the PDF fixtures from the HTML beside them (run once by hand; the PDFs are committed). Needs
# chromium, fonts-noto-cjk and fonts-droid-fallback (the report's text in a TrueType CID font, the notice's in
# Chromium's Type 3 rendering of Noto CJK, which maps 一 to the Kangxi radical ⼀) and qpdf, all from apt.
set -euo pipefail
cd "$(dirname "$0")"
pdf() { chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$2" "$1" 2>/dev/null; }
pdf work-report.html work-report.pdf
pdf notice.html notice.pdf
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,120 --screenshot=scanned-page.png scanned-page.html 2>/dev/null
pdf scanned.html scanned.pdf
pdf short.html /tmp/luoshi-short.pdf
qpdf --encrypt "" owner-secret 256 --extract=n --modify=none -- /tmp/luoshi-short.pdf protected.pdf
qpdf --encrypt user-secret owner-secret 256 -- /tmp/luoshi-short.pdf encrypted.pdf
rm -f /tmp/luoshi-short.pdf
