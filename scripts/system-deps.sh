#!/usr/bin/env bash
# Installs the Debian packages strategy-miner uses outside Node, when this user may:
#   poppler-utils             pdftoppm renders pages for OCR
#   tesseract-ocr(-rus,-kaz)  OCR of scanned pages and pages whose fonts have no Unicode map
#   chromium                  the browser test of the HTML report
#   libxml2-utils             xmllint validates the REFI-QDA (.qdpx) export in the tests
# Without them the tool still runs: pages needing OCR are reported as such (never as
# "no cluster mention"), and the browser test is skipped with a message.
# The package names match what src/ingest/ocr/engine.ts reports as missing.
set -u

missing_packages() {
  local need=()
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  if command -v tesseract >/dev/null 2>&1; then
    local langs
    langs=$(tesseract --list-langs 2>&1)
    grep -qx rus <<<"$langs" || need+=(tesseract-ocr-rus)
    grep -qx kaz <<<"$langs" || need+=(tesseract-ocr-kaz)
  else
    need+=(tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz)
  fi
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
  echo "${need[@]}"
}

read -r -a need <<<"$(missing_packages)"
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
# Wait for apt's lock instead of failing when another install is running.
lock=(-o DPkg::Lock::Timeout=300)
log=$(mktemp)
"${sudo[@]}" apt-get "${lock[@]}" update -q >"$log" 2>&1 || true
if ! "${sudo[@]}" apt-get "${lock[@]}" install -y -q --no-install-recommends "${need[@]}" >>"$log" 2>&1; then
  echo "strategy-miner: apt-get could not install ${need[*]}:" >&2
  tail -n 5 "$log" | sed 's/^/  /' >&2
fi
rm -f "$log"

read -r -a still <<<"$(missing_packages)"
if [ ${#still[@]} -gt 0 ]; then
  echo "strategy-miner: still missing: ${still[*]}; continuing without them (OCR pages are reported as needing OCR)" >&2
fi
exit 0
