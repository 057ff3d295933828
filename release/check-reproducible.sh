#!/usr/bin/env bash
# Builds the plugin jar twice, from two copies of the sources in two different directories, one after the other,
# and checks that the two jars are the same bytes (project.build.outputTimestamp in pom.xml fixes the entries' times;
# nothing else in the jar may depend on when or where it was built). Also runs maven-artifact-plugin's
# check-buildplan, which names any plugin of the build known to break reproducible builds.
# Takes about 45 s on 2 cores (two `mvn package` without tests). CI runs it after `mvn install` (.ci/run).
# Usage: release/check-reproducible.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/texreport-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT

mvn -B -q "$@" org.apache.maven.plugins:maven-artifact-plugin:3.6.0:check-buildplan

# The files git would commit (tracked, and new files not ignored), so a local target/ never leaks into the copies.
files=$(git ls-files -z --cached --others --exclude-standard | tr '\0' '\n' | while read -r f; do
  [ -e "$f" ] && printf '%s\n' "$f"; done)

for copy in one two; do
  mkdir -p "$work/$copy"
  printf '%s\n' "$files" | (cd "$root" && tar -cf - -T -) | (cd "$work/$copy" && tar -xf -)
  start=$(date +%s)
  (cd "$work/$copy" && mvn -B -q "$@" package -DskipTests -Dinvoker.skip=true)
  echo "build $copy: $(( $(date +%s) - start )) s"
done

# The shaded plugin jar, the artifact Maven installs (original-*.jar is the shade plugin's input).
jar=$(cd "$work/one" && ls target/report-maven-plugin-*.jar)
a="$work/one/$jar"
b="$work/two/$jar"
if cmp -s "$a" "$b"; then
  echo "REPRODUCIBLE: both builds gave $(basename "$jar"), $(wc -c < "$a") bytes, sha256 $(sha256sum "$a" | cut -d' ' -f1)"
else
  echo "NOT REPRODUCIBLE: the two builds of $(basename "$jar") differ; entries that differ:" >&2
  diff <(unzip -lv "$a" | awk '{print $7, $8}') <(unzip -lv "$b" | awk '{print $7, $8}') >&2 || true
  exit 1
fi
