#!/usr/bin/env bash
# Installs the Debian packages strategy-miner uses outside Node, when this user may:
#   poppler-utils             pdftoppm renders pages for OCR
#   tesseract-ocr(-rus,-kaz)  OCR of scanned pages and pages whose fonts have no Unicode map
#   chromium                  the browser test of the HTML report
# Without them the tool still runs: pages needing OCR are reported as such (never as
# "no cluster mention"), and the browser test is skipped with a message.
set -u
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1; then
  langs=$(tesseract --list-langs 2>/dev/null)
  grep -qx rus <<<"$langs" || need+=(tesseract-ocr-rus)
  grep -qx kaz <<<"$langs" || need+=(tesseract-ocr-kaz)
else
  need+=(tesseract-ocr-rus tesseract-ocr-kaz)
fi
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n)
else
  echo "strategy-miner: missing Debian packages: ${need[*]}" >&2
  echo "  install them with: sudo apt-get install -y ${need[*]}" >&2
  echo "  (continuing without them: OCR pages are reported as needing OCR)" >&2
  exit 0
fi
echo "strategy-miner: installing Debian packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >/dev/null || true
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null \
  || echo "strategy-miner: could not install ${need[*]}; continuing without them" >&2
exit 0
