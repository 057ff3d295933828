#!/usr/bin/env bash
# Prints the SHA-256 of every PDF the examples build, to show that a change left the output byte-identical:
#   bench/pdf-hashes.sh > before.txt; (change the plugin; mvn install); bench/pdf-hashes.sh > after.txt
#   diff before.txt after.txt      # no output: the same bytes
# Each example is copied to a temporary folder outside git, so every build uses the same fixed PDF date
# (2020-01-01, the date of sources outside git) and nothing is written into the repository. Uses the plugin in
# the local Maven repository (MAVEN_REPO, default ~/.m2/repository); ENGINES (default "pdflatex lualatex") lists
# the engines the demo is also built with.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ENGINES=${ENGINES:-pdflatex lualatex}
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
MVN=(mvn -B -q -o -Dmaven.repo.local="$REPO")

build() { # <name> <folder> [mvn args...]
  local name=$1 dir=$2; shift 2
  if ! "${MVN[@]}" -f "$dir/pom.xml" report:build -Dreport.force=true "$@" >"$TMP/$name.log" 2>&1; then
    echo "bench/pdf-hashes.sh: building $name failed; its log:" >&2; cat "$TMP/$name.log" >&2; exit 1
  fi
  (cd "$dir" && find . -path '*/target/report/*.pdf' -not -path '*/target/report/*/*' -newer "$TMP/stamp" -print0 | sort -z \
    | xargs -0 sha256sum | sed "s|  \./|  $name/|")
}

for example in demo staff course-team; do
  cp -r "$ROOT/examples/$example" "$TMP/$example"
done
touch "$TMP/stamp"
for engine in $ENGINES; do
  build "demo-$engine" "$TMP/demo" -Dreport.engine="$engine"
done
build staff "$TMP/staff"
mvn -B -q -Dmaven.repo.local="$REPO" -f "$ROOT/examples/course-pack/pom.xml" install >"$TMP/course-pack.log" 2>&1 \
  || { cat "$TMP/course-pack.log" >&2; exit 1; }
build course-team "$TMP/course-team"
