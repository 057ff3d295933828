#!/usr/bin/env bash
# Benchmark of \tikzexternalize (issue 12's last target), in one command (about 3-5 minutes on 2 cores):
#   1. cold build of a project whose final uses \tikzexternalize[prefix=figures/] and 10 tikz/pgfplots pictures:
#      mvn report:build (shell escape off; the plugin runs the pictures' jobs) vs latexmk -pdf -shell-escape on the
#      same sources (the main.tex and sections report:build wrote, tikz making its pictures through \write18);
#   2. one picture edited: how many picture jobs the rebuild runs (target: 1) and how long it takes, beside latexmk.
# Prints medians with ratios and the targets (PASS/MISS); a missed target never fails the script, only something
# that could not be run does (exit 1; exit 2 when a tool or the plugin is missing).
#
# Usage: bench/figures.sh
# Environment: RUNS (cold builds, default 3), PICTURES (10), MAVEN_REPO (where the plugin is installed; default
#              target/local-repo of this checkout when a `mvn verify` put it there, else ~/.m2/repository),
#              KEEP (1: keep bench/target/figures.*)
# Output: the table on stdout, also saved to bench/figures-latest.txt; logs in bench/target/figures.*/logs.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
RUNS=${RUNS:-3}
PICTURES=${PICTURES:-10}
KEEP=${KEEP:-0}
if [ -z "${MAVEN_REPO:-}" ]; then
  if [ -d "$ROOT/target/local-repo/dev/texreport/report-maven-plugin" ]; then MAVEN_REPO=$ROOT/target/local-repo
  else MAVEN_REPO=$HOME/.m2/repository; fi
fi
PLUGIN_JAR="$MAVEN_REPO/dev/texreport/report-maven-plugin/0.1.0-SNAPSHOT/report-maven-plugin-0.1.0-SNAPSHOT.jar"
for tool in mvn pdflatex latexmk python3; do
  command -v "$tool" >/dev/null || { echo "bench/figures.sh: '$tool' is not installed" >&2; exit 2; }
done
[ -f "$PLUGIN_JAR" ] || { echo "bench/figures.sh: the plugin is not in $MAVEN_REPO (run mvn verify, or set MAVEN_REPO)" >&2; exit 2; }
mkdir -p "$BENCH/target"
WORK=$(mktemp -d "$BENCH/target/figures.XXXXXX")
LOGS="$WORK/logs"; mkdir -p "$LOGS"
MVN=(mvn -B -o -Dmaven.repo.local="$MAVEN_REPO")
if [ "$MAVEN_REPO" != "$HOME/.m2/repository" ]; then
  # A verify's target/local-repo holds the plugin but not all of Maven's own plugins: those come from ~/.m2, read
  # as a file mirror (no network), once, in the warm-up build.
  cat >"$WORK/settings.xml" <<XML
<settings><mirrors><mirror><id>user-repository</id><mirrorOf>*</mirrorOf>
<url>file://$HOME/.m2/repository</url></mirror></mirrors></settings>
XML
  MVN=(mvn -B -s "$WORK/settings.xml" -Dmaven.repo.local="$MAVEN_REPO")
  (cd "$WORK" && mkdir -p resolve && cd resolve && python3 "$BENCH/figures_gen.py" . 4 >/dev/null && \
     "${MVN[@]}" -q report:build -Dreport.milestone=final >"$LOGS/resolve.log" 2>&1) \
    || { echo "bench/figures.sh: could not resolve the plugin from $MAVEN_REPO (log: $LOGS/resolve.log)" >&2; exit 2; }
  MVN+=(-o)
fi
cleanup() {
  local rc=$?
  if [ "$KEEP" = 1 ] || [ $rc -ne 0 ]; then echo "bench/figures.sh: work files and logs kept in $WORK" >&2
  else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2fx", a / b }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
  if (NR % 2) printf "%.2f\n", a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
cpu_of() { awk 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] }
  printf "%.3f", s }' "$1"; }
# run_timed NAME cmd...: the command's output in $LOGS/NAME.log; sets ELAPSED and CPU (seconds, children included)
run_timed() {
  local name=$1; shift
  local t0 t1
  times >"$LOGS/.t0"; t0=$(now)
  if ! "$@" >"$LOGS/$name.log" 2>&1; then
    echo "bench/figures.sh: FAILED: $* (log: $LOGS/$name.log)" >&2; tail -n 30 "$LOGS/$name.log" >&2; exit 1
  fi
  t1=$(now); times >"$LOGS/.t1"
  ELAPSED=$(sub "$t1" "$t0"); CPU=$(sub "$(cpu_of "$LOGS/.t1")" "$(cpu_of "$LOGS/.t0")")
}
progress() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

PROJ="$WORK/project"
python3 "$BENCH/figures_gen.py" "$PROJ" "$PICTURES"
plugin_build() { (cd "$PROJ" && "${MVN[@]}" report:build -Dreport.milestone=final); }
# latexmk on what report:build handed to TeX, in a fresh folder with the prefix folder a paper keeps in its sources
latexmk_cold() {
  rm -rf "$WORK/lmk"; mkdir -p "$WORK/lmk/figures"
  (cd "$PROJ/target/report/final" && find . -maxdepth 3 \( -name '*.tex' -o -name '*.sty' \) -not -path './figures/*' \
     -exec cp --parents {} "$WORK/lmk" \;)
  latexmk_again
}
latexmk_again() {
  (cd "$WORK/lmk" && TEXINPUTS=".:$PROJ/src/report/final/figures//:$PROJ/src/report:" BIBINPUTS=".:$PROJ/src/report:" \
     latexmk -pdf -shell-escape -interaction=nonstopmode -halt-on-error main.tex)
}
pictures_made() { grep -c '\] picture ' "$1" || true; }
lmk_jobs() { grep -c "mode=convert with system call': Invoking" "$1" || true; }

progress "warm-up build (JVM, TeX caches), then $RUNS cold builds each"
run_timed warmup plugin_build
declare -a P_WALL P_CPU L_WALL L_CPU
for i in $(seq 1 "$RUNS"); do
  progress "cold build run $i of $RUNS"
  rm -rf "$PROJ/target"
  run_timed "plugin-$i" plugin_build
  P_WALL+=("$ELAPSED"); P_CPU+=("$CPU")
  JOBS_COLD=$(pictures_made "$LOGS/plugin-$i.log")
  run_timed "latexmk-$i" latexmk_cold
  L_WALL+=("$ELAPSED"); L_CPU+=("$CPU")
  LMK_JOBS_COLD=$(lmk_jobs "$LOGS/latexmk-$i.log")
done

progress "editing picture 3, rebuilding"
python3 "$BENCH/figures_gen.py" edit "$PROJ" 3
run_timed plugin-edit plugin_build
EDIT_WALL=$ELAPSED
EDIT_JOBS=$(pictures_made "$LOGS/plugin-edit.log")
EDIT_NAMES=$(grep -o '\] picture [^ ]*' "$LOGS/plugin-edit.log" | awk '{ print $3 }' | tr '\n' ' ')
# latexmk on the same edit: the new main sources, the pictures of its last run kept
(cd "$PROJ/target/report/final" && find . -maxdepth 3 -name '*.tex' -not -path './figures/*' -exec cp --parents {} "$WORK/lmk" \;)
run_timed latexmk-edit latexmk_again
LMK_EDIT_WALL=$ELAPSED
LMK_EDIT_JOBS=$(lmk_jobs "$LOGS/latexmk-edit.log")

PW=$(median "${P_WALL[@]}"); PC=$(median "${P_CPU[@]}"); LW=$(median "${L_WALL[@]}"); LC=$(median "${L_CPU[@]}")
RATIO=$(div "$PW" "$LW")
VERDICT=$(awk -v r="${RATIO%x}" 'BEGIN { print (r != "n/a" && r + 0 <= 0.7) ? "PASS" : "MISS" }')
EDIT_VERDICT=$([ "$EDIT_JOBS" = 1 ] && echo PASS || echo MISS)
{
  echo "bench/figures.sh  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores, load at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "project: final with \\tikzexternalize[prefix=figures/] and $PICTURES pictures (pgfplots and tikz), medians of $RUNS"
  printf '%-58s %9s %9s\n' "" "wall s" "CPU s"
  printf '%-58s %9s %9s\n' "cold: mvn report:build (shell escape off, $JOBS_COLD picture jobs)" "$PW" "$PC"
  printf '%-58s %9s %9s\n' "cold: latexmk -pdf -shell-escape (same sources, $LMK_JOBS_COLD jobs)" "$LW" "$LC"
  printf '%-58s %9s %9s\n' "ratio plugin / latexmk (target <= 0.7x)  $VERDICT" "$RATIO" "$(div "$PC" "$LC")"
  printf '%-58s %9s\n' "edit picture 3, mvn report:build: $EDIT_JOBS picture job(s) [$EDIT_NAMES] $EDIT_VERDICT" "$EDIT_WALL"
  printf '%-58s %9s\n' "edit picture 3, latexmk -pdf -shell-escape: $LMK_EDIT_JOBS picture job(s)" "$LMK_EDIT_WALL"
} | tee "$BENCH/figures-latest.txt"
