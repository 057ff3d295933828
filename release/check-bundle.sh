#!/usr/bin/env bash
# Rehearses a release and inspects the bundle it would upload to Maven Central, without uploading anything:
# copies the sources (the files git would commit) to a temporary folder, sets the release version there
# (the current version without -SNAPSHOT, as docs/releasing.md does), runs `mvn -P release verify` without tests
# (they ran in `mvn install`), and runs release/CheckBundle.java on target/central-publishing/central-bundle.zip.
# Signatures are required when a key is configured (MAVEN_GPG_KEY in the environment, or -Dgpg.keyname=... among
# the arguments), and not checked otherwise. About 45 s on 2 cores.
#
# Usage: release/check-bundle.sh [extra Maven arguments]        rehearse and inspect
#        release/check-bundle.sh --bundle path/to/bundle.zip [--unsigned]
#                                 inspect a bundle built by `mvn -P release verify`; signatures required
#                                 unless --unsigned
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ "${1:-}" = "--bundle" ]; then
  shift
  exec java "$root/release/CheckBundle.java" "$@"
fi

unsigned=--unsigned
if [ -n "${MAVEN_GPG_KEY:-}" ]; then unsigned=; fi
for arg in "$@"; do case "$arg" in -Dgpg.keyname=*) unsigned= ;; esac; done

work=$(mktemp -d "${TMPDIR:-/tmp}/texreport-release.XXXXXX")
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | tr '\0' '\n' | while read -r f; do
  [ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T - | (cd "$work" && tar -xf -)
cd "$work"
snapshot=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
release=${snapshot%-SNAPSHOT}
echo "Rehearsing the release of $release (from $snapshot) in $work"
mvn -B -q "$@" org.codehaus.mojo:versions-maven-plugin:2.19.1:set -DnewVersion="$release" -DgenerateBackupPoms=false
mvn -B -q "$@" -P release verify -DskipTests -Dinvoker.skip=true
java "$root/release/CheckBundle.java" $unsigned target/central-publishing/central-bundle.zip
