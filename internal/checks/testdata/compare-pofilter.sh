#!/bin/sh
# Runs translate-toolkit's pofilter (Debian package translate-toolkit) and tilmash's qa checks
# on the same labelled corpus and prints their recall and false-positive rates side by side.
# Run from the repository root: sh internal/checks/testdata/compare-pofilter.sh [OUTDIR]
set -eu
out=${1:-$(mktemp -d)}
command -v pofilter >/dev/null || { echo "pofilter not found: apt-get install translate-toolkit" >&2; exit 1; }
go run ./internal/checks/cmd/corpus2po "$out"
# The do-not-translate terms of the termbase, for pofilter's notranslatewords test.
awk '/^en: /{en=substr($0,5)} /^dnt: true/{print en}' internal/checks/testdata/corpus/terms.txt >"$out/notranslate.txt"
for l in ru kk zh; do
	pofilter --progress=none --errorlevel=none --language="$l" --notranslatefile="$out/notranslate.txt" \
		-i "$out/$l.po" -o "$out/out-$l.po" 2>"$out/pofilter-$l.log" || true
done
go run ./internal/checks/cmd/corpus2po -score "$out"
echo "files in $out"
