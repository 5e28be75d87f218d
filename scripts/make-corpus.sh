#!/usr/bin/env bash
# Regenerates the sample corpus from its sources:
#   corpus/src/NAME.txt  --(scripts/corpus/build-fodt.mjs)-->  flat ODT
#   flat ODT  --(LibreOffice headless, two passes so the TOC shows real page numbers)-->  PDF
#   corpus/NAME.pdf (corpus/NAME.docx for a source with "@format docx"), and for a source with "@scan PHRASE" the page holding PHRASE is
#   rendered at 200 dpi in grey and put back as an image-only page (no text layer);
#   corpus/gold/mentions.csv from the hand-coded annotations in the sources, with the page
#   of each annotated sentence found in the PDF (before the scan step, so the scanned page
#   keeps its gold rows: a reader with OCR must find them).
# Needs: LibreOffice (libreoffice-writer-nogui), fonts-liberation2, hyphen-ru, poppler-utils,
# img2pdf. fonts-liberation (1.07) alone lacks the Kazakh letters (қ ң ғ ә ұ ү ө һ і): LibreOffice
# then draws them from a fallback font and pdftotext reads «А ымда ы» with the letters displaced. corpus/manifest.csv and corpus/gold/cities.csv are written by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE=node_modules/.bin/node
[ -x "$NODE" ] || NODE=node
for tool in soffice pdftotext pdfinfo pdftoppm pdfunite pdfseparate img2pdf; do
  command -v "$tool" >/dev/null || { echo "make-corpus: $tool is missing (apt-get install libreoffice-writer-nogui fonts-liberation2 hyphen-ru poppler-utils img2pdf)" >&2; exit 1; }
done
fc-list ':lang=kk' family | grep -q 'Liberation Serif' \
  || { echo "make-corpus: Liberation Serif without Kazakh letters (apt-get install fonts-liberation2)" >&2; exit 1; }
[ -f /usr/share/hyphen/hyph_ru_RU.dic ] || { echo "make-corpus: Russian hyphenation patterns missing (apt-get install hyphen-ru)" >&2; exit 1; }

TMP=$(mktemp -d /tmp/make-corpus.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/p1" "$TMP/p2" "$TMP/profile"
# A private LibreOffice profile: no clash with another LibreOffice running on the machine.
LO=(soffice "-env:UserInstallation=file://$TMP/profile" --headless --norestore)

names=()
for src in corpus/src/*.txt; do
  n=$(basename "$src" .txt); names+=("$n")
  "$NODE" scripts/corpus/build-fodt.mjs "$src" "$TMP/p1/$n.fodt" "$TMP/$n.ann.json"
done
echo "make-corpus: pass 1 (layout) for ${#names[@]} documents" >&2
"${LO[@]}" --convert-to pdf --outdir "$TMP/p1" "$TMP"/p1/*.fodt >/dev/null

for n in "${names[@]}"; do
  "$NODE" scripts/corpus/locate.mjs toc "$TMP/p1/$n.pdf" "$TMP/$n.ann.json" "$TMP/$n.toc.json"
  "$NODE" scripts/corpus/build-fodt.mjs "corpus/src/$n.txt" "$TMP/p2/$n.fodt" "$TMP/$n.ann.json" "$TMP/$n.toc.json"
done
echo "make-corpus: pass 2 (table of contents with page numbers)" >&2
"${LO[@]}" --convert-to pdf --outdir "$TMP/p2" "$TMP"/p2/*.fodt >/dev/null

gold="$TMP/mentions.csv"
echo "file,page,text,label,sectors" >"$gold"
for n in "${names[@]}"; do
  pdf="$TMP/p2/$n.pdf"
  # The page numbers written into the TOC must still be right after pass 2.
  "$NODE" scripts/corpus/locate.mjs toc "$pdf" "$TMP/$n.ann.json" "$TMP/$n.toc2.json"
  cmp -s "$TMP/$n.toc.json" "$TMP/$n.toc2.json" || { echo "make-corpus: $n: TOC pages moved in pass 2" >&2; exit 1; }
  format=$("$NODE" -e 'const a=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(a.format)' "$TMP/$n.ann.json")
  phrase=$("$NODE" -e 'const a=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(a.scan??"")' "$TMP/$n.ann.json")
  # The completeness check runs on the PDF rendering even for a DOCX source.
  "$NODE" scripts/corpus/locate.mjs gold "$pdf" "$TMP/$n.ann.json" "$n.$format" >>"$gold"
  if [ "$format" = docx ]; then
    "${LO[@]}" --convert-to docx:"MS Word 2007 XML" --outdir "$TMP/p2" "$TMP/p2/$n.fodt" >/dev/null
    cp "$TMP/p2/$n.docx" "corpus/$n.docx"
  elif [ -n "$phrase" ]; then
    page=$("$NODE" scripts/corpus/locate.mjs page "$pdf" "$TMP/$n.ann.json" "$phrase")
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
    echo "make-corpus: $n: page $page of $pages becomes an image-only scan" >&2
    pdftoppm -r 200 -gray -png -f "$page" -l "$page" -singlefile "$pdf" "$TMP/$n.scan"
    img2pdf --pagesize A4 -o "$TMP/$n.scan.pdf" "$TMP/$n.scan.png"
    pdfseparate "$pdf" "$TMP/$n.part-%d.pdf"
    parts=()
    for ((p = 1; p <= pages; p++)); do
      if [ "$p" = "$page" ]; then parts+=("$TMP/$n.scan.pdf"); else parts+=("$TMP/$n.part-$p.pdf"); fi
    done
    pdfunite "${parts[@]}" "corpus/$n.pdf"
  else
    cp "$pdf" "corpus/$n.pdf"
  fi
done
mkdir -p corpus/gold
cp "$gold" corpus/gold/mentions.csv

# Every manifest row must name a file that now exists.
tail -n +2 corpus/manifest.csv | cut -d, -f1 | while read -r f; do
  [ -f "corpus/$f" ] || { echo "make-corpus: manifest names a missing file: $f" >&2; exit 1; }
done
echo "make-corpus: wrote ${#names[@]} documents and corpus/gold/mentions.csv ($(($(wc -l <corpus/gold/mentions.csv) - 1)) rows)" >&2
