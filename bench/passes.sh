#!/usr/bin/env bash
# Compares the engine and bibtex runs of `report:build` with latexmk -pdf on the same generated sources.
# Usage: bench/passes.sh [project-dir]   (default: examples/demo; the plugin must be installed: mvn install)
# Prints one row per milestone; the plugin's counts come from target/report/summary.json.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(cd "${1:-examples/demo}" && pwd)
command -v latexmk >/dev/null || { echo "latexmk is not installed (Debian/Ubuntu: apt-get install latexmk)" >&2; exit 2; }

mvn -B -q -f "$project/pom.xml" report:build >/dev/null
summary="$project/target/report/summary.json"

printf '%-10s %18s %18s %16s %16s\n' milestone "plugin engine runs" "latexmk engine runs" "plugin bibtex" "latexmk bibtex"
for dir in "$project"/target/report/*/; do
  id=$(basename "$dir")
  [ -f "$dir/main.tex" ] || continue
  work=$(mktemp -d)
  # The generated sources only: what report:build handed to TeX before its first pass.
  (cd "$dir" && find . \( -name '*.tex' -o -name '*.sty' \) -exec cp --parents {} "$work" \;)
  out=$(cd "$work" && TEXINPUTS=".:$project/src/report/$id/figures//:$project/src/report/figures//:$project/src/report:" \
        BIBINPUTS=".:$project/src/report:" latexmk -pdf -interaction=nonstopmode main.tex 2>&1 || true)
  rm -rf "$work"
  lm_engine=$(grep -c "^Run number [0-9]* of rule 'pdflatex'" <<<"$out" || true)
  lm_bib=$(grep -c "^Run number [0-9]* of rule 'bibtex" <<<"$out" || true)
  read -r ours_engine ours_bib < <(python3 - "$summary" "$id" <<'PY'
import json, sys
for m in json.load(open(sys.argv[1]))["milestones"]:
    if m["id"] == sys.argv[2]:
        print(m["enginePasses"], m["bibliographyRuns"])
PY
)
  printf '%-10s %18s %18s %16s %16s\n' "$id" "$ours_engine" "$lm_engine" "$ours_bib" "$lm_bib"
done
