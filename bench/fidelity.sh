#!/usr/bin/env bash
# Fidelity of the built-in NeurIPS style (templates/builtin/texreport-neurips.sty) against the official one:
# builds documents of several shapes with both and prints, per shape, the page count with each style, the content
# pages as the plugin counts them, and for every page break the first words of the next page and the shift in words
# and lines. The target: the same page count and every break within one line.
#
#   1. bench/fidelity.py generates one team project per shape (text only; floats; equations, lists and footnotes;
#      long author lists filled by TeX and in rows from the POM; a preprint; an anonymous submission), with text
#      from fixed word lists, so every run builds the same documents;
#   2. `report:build` builds them with the built-in pack (final.pdf in each project's target/report/);
#   3. each document is built again from the same generated main.tex with the official style in place of ours,
#      with the preamble of the NeurIPS paper template, in the mode's option ([final], [preprint] or none);
#   4. both PDFs are compared page by page (pdftotext).
#
# Usage: bench/fidelity.sh [path/to/neurips_20XX.sty]      (or NEURIPS_STY=path/to/neurips_20XX.sty)
# The official style is never part of this repository: fetch it yourself from the NeurIPS site. Without it the
# script prints a note and exits 0 (nothing to compare with).
# Environment: MAVEN_REPO (where the plugin is installed; default: target/local-repo after `mvn verify`, else
#              ~/.m2/repository), OFFLINE (1: mvn -o when the plugin is in ~/.m2, the default), STRICT (1: exit 1
#              when a shape misses).
# Output: the report on stdout, also in bench/target/fidelity/report.txt; the documents in bench/target/fidelity/.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
STY=${1:-${NEURIPS_STY:-}}
if [ -z "$STY" ] || [ ! -f "$STY" ]; then
  echo "fidelity: SKIPPED: no official NeurIPS style file${STY:+ at $STY}. Download neurips_20XX.sty from the NeurIPS"
  echo "site and run: bench/fidelity.sh path/to/neurips_20XX.sty (or set NEURIPS_STY)."
  exit 0
fi
STY=$(cd "$(dirname "$STY")" && pwd)/$(basename "$STY")
for tool in mvn pdflatex bibtex pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "fidelity: '$tool' is not installed" >&2; exit 2; }
done

VERSION=$(sed -n '/<artifactId>report-maven-plugin<\/artifactId>/,/<\/version>/s/.*<version>\(.*\)<\/version>.*/\1/p' \
  "$ROOT/pom.xml" | head -1)
REPO=${MAVEN_REPO:-}
if [ -z "$REPO" ]; then
  if [ -d "$ROOT/target/local-repo/dev/texreport/report-maven-plugin/$VERSION" ]; then
    REPO="$ROOT/target/local-repo"
  else
    REPO="$HOME/.m2/repository"
  fi
fi
[ -d "$REPO/dev/texreport/report-maven-plugin/$VERSION" ] || {
  echo "fidelity: the plugin $VERSION is not installed in $REPO; run mvn verify first (or set MAVEN_REPO)" >&2
  exit 2
}
MVN=(mvn -B -q -Dmaven.repo.local="$REPO")
if [ "$REPO" != "$HOME/.m2/repository" ]; then
  # As the invoker ITs do: what the plugin needs besides itself comes from the user's repository, read as a remote.
  MVN+=(-s "$BENCH/target/fidelity-settings.xml")
elif [ "${OFFLINE:-1}" = 1 ]; then
  MVN+=(-o)
fi

WORK="$BENCH/target/fidelity"
rm -rf "$WORK"
mkdir -p "$WORK"
cat >"$BENCH/target/fidelity-settings.xml" <<XML
<settings><profiles><profile><id>user-repo</id>
  <repositories><repository><id>user-repo</id><url>file://$HOME/.m2/repository</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>user-repo</id><url>file://$HOME/.m2/repository</url></pluginRepository>
  </pluginRepositories></profile></profiles><activeProfiles><activeProfile>user-repo</activeProfile></activeProfiles>
</settings>
XML
python3 "$BENCH/fidelity.py" generate "$WORK" "$VERSION"
echo "fidelity: building $(ls -d "$WORK"/*/ | wc -l) documents with the built-in style (report:build) ..." >&2
"${MVN[@]}" -fae -f "$WORK/pom.xml" report:build >"$WORK/build.log" 2>&1 || {
  echo "fidelity: report:build failed; see $WORK/build.log" >&2
  exit 1
}
echo "fidelity: building them again with $(basename "$STY") ..." >&2
python3 "$BENCH/fidelity.py" official "$WORK" "$STY"
echo "fidelity: $(basename "$STY") vs texreport-neurips.sty" | tee "$WORK/report.txt"
set +e
python3 "$BENCH/fidelity.py" compare "$WORK" | tee -a "$WORK/report.txt"
status=${PIPESTATUS[0]}
set -e
if [ "${STRICT:-0}" = 1 ] && [ "$status" != 0 ]; then exit 1; fi
exit 0
