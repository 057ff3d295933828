#!/usr/bin/env bash
# Benchmark of report:build against latexmk, in one command (about 5-8 minutes on 2 cores):
#   1. cold build of examples/demo and of a large generated report: plugin vs latexmk -pdf on the same sources,
#      with the cached preamble format (the default) and without it (-Dreport.formatCache=false, as before it);
#      where the time goes: the format dump, the engine passes, bibtex, the JVM; one pass over an empty body from
#      the format vs plain (what loading the format costs vs loading the preamble)
#   2. no-op rebuild: report:build with nothing changed vs mvn validate (Maven start-up) vs latexmk's no-op; and
#      a rebuild after editing one sentence of the final (mvn report:build), with and without the format
#   3. watch mode: edit -> new final.pdf with report:watch (with and without the format), vs one pdflatex pass,
#      vs latexmk -pvc
#   4. many teams: an aggregator of N team projects, one TeX process at a time vs mvn -T 2 (and the default)
# Prints medians with ratios and the targets (PASS/MISS) at the end; a missed target never fails the script,
# only something that could not be run does (exit 1; exit 2 when a tool or the installed plugin is missing).
#
# Usage: bench/run.sh [--install]     (--install: mvn install the plugin first, else the installed one is used)
# Environment: RUNS (cold builds, team builds, single passes; default 3), NOOP_RUNS (5), WATCH_EDITS (5 per project),
#              TEAMS (6; 0 skips part 4), PROJECTS ("demo big"), WATCH_PROJECTS (as PROJECTS), OFFLINE (1: mvn -o,
#              no network checks while timing), KEEP (1: keep bench/target/run.*; kept anyway when the run fails),
#              MAVEN_REPO (a local repository holding the plugin instead of ~/.m2/repository, e.g. a worktree's
#              target/local-repo after mvn verify: every mvn call then uses it)
# Output: the table on stdout, also saved to bench/latest.txt; raw samples and logs in bench/target/run.*/.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
RUNS=${RUNS:-3}
NOOP_RUNS=${NOOP_RUNS:-5}
WATCH_EDITS=${WATCH_EDITS:-5}
TEAMS=${TEAMS:-6}
PROJECTS=${PROJECTS:-demo big}   # for a quick check: PROJECTS=big
WATCH_PROJECTS=${WATCH_PROJECTS:-$PROJECTS}
OFFLINE=${OFFLINE:-1}
KEEP=${KEEP:-0}
PLUGIN_JAR="${MAVEN_REPO:-$HOME/.m2/repository}/dev/texreport/report-maven-plugin/0.1.0-SNAPSHOT/report-maven-plugin-0.1.0-SNAPSHOT.jar"

OFF=()
if [ "$OFFLINE" = 1 ]; then OFF=(-o); fi
MREPO=()
if [ -n "${MAVEN_REPO:-}" ]; then MREPO=(-Dmaven.repo.local="$MAVEN_REPO"); fi
MVN=(mvn -B -q "${OFF[@]}" "${MREPO[@]}")

die() { echo "bench/run.sh: $*" >&2; exit 1; }
for tool in mvn pdflatex bibtex latexmk python3 perl pgrep setsid; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: '$tool' is not installed" >&2; exit 2; }
done

if [ "${1:-}" = "--install" ]; then
  for attempt in 1 2 3; do
    (cd "$ROOT" && mvn -B -q install -DskipTests -Dinvoker.skip=true) && break
    [ "$attempt" = 3 ] && die "mvn install failed 3 times"
    echo "mvn install failed (someone editing?), retrying in 30 s" >&2; sleep 30
  done
fi
[ -f "$PLUGIN_JAR" ] || { echo "bench/run.sh: the plugin is not installed ($PLUGIN_JAR); run: mvn install -DskipTests -Dinvoker.skip=true, or bench/run.sh --install" >&2; exit 2; }

JAR_STAMP=$(stat -c '%Y %s' "$PLUGIN_JAR")
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$BENCH/target"
WORK=$(mktemp -d "$BENCH/target/run.XXXXXX")
LOGS="$WORK/logs"; mkdir -p "$LOGS"
SESSIONS=()   # session ids of the background watchers we started (setsid): only these are ever killed

cleanup() {
  local rc=$? sid
  for sid in "${SESSIONS[@]}"; do
    if pgrep -s "$sid" >/dev/null 2>&1; then
      pkill -TERM -s "$sid" 2>/dev/null || true; sleep 2; pkill -KILL -s "$sid" 2>/dev/null || true
    fi
  done
  if [ "$KEEP" = 1 ] || [ $rc -ne 0 ]; then
    echo "bench/run.sh: work files and logs kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.3f", a - b }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { sub(/x$/, "", a); sub(/x$/, "", b)
  if (a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.2fx", a / b }'; }
I() { echo "${INFO[$1]:-n/a}"; }
median() {
  [ $# -gt 0 ] || { echo n/a; return; }
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    if (NR % 2) printf "%.3f\n", a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
  if (v == "n/a") { print "n/a"; exit }
  ok = (op == "<") ? (v + 0 < t + 0) : (op == "<=") ? (v + 0 <= t + 0) : (v + 0 >= t + 0)
  print ok ? "PASS" : "MISS" }'; }

declare -A S   # samples: S[key]="v1 v2 ..."
add() { S[$1]="${S[$1]:-}$2 "; }
med() { # shellcheck disable=SC2086
  median ${S[$1]:-}; }

# run_timed NAME cmd...: runs cmd with its output in $LOGS/NAME.log, sets ELAPSED (s); a failure ends the bench
# Runs a command, logging to $LOGS/<name>.log; sets ELAPSED (wall seconds) and CPU (user + system seconds of the
# command and its children, from bash's `times`; n/a when that cannot be read).
# `times` must run in this shell (not in $(...)): its second line is the CPU time of this shell's finished children.
cpu_of() { awk 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] }
  printf "%.3f", s }' "$1"; }
run_timed() {
  local name=$1; shift
  local t0 t1 c0 c1
  times >"$LOGS/.times0"; t0=$(now)
  if ! "$@" >"$LOGS/$name.log" 2>&1; then
    echo "bench/run.sh: FAILED: $* (log: $LOGS/$name.log)" >&2
    tail -n 30 "$LOGS/$name.log" >&2
    exit 1
  fi
  t1=$(now); times >"$LOGS/.times1"
  ELAPSED=$(sub "$t1" "$t0")
  c0=$(cpu_of "$LOGS/.times0"); c1=$(cpu_of "$LOGS/.times1")
  CPU=$(sub "${c1:-n/a}" "${c0:-n/a}")
}

progress() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# --- the projects --------------------------------------------------------------------------------------------
progress "generating projects in $WORK"
cp -r "$ROOT/examples/demo" "$WORK/demo"; rm -rf "$WORK/demo/target"
python3 "$BENCH/gen.py" big "$WORK/big"
if [ "$TEAMS" -gt 0 ]; then python3 "$BENCH/gen.py" teams "$WORK/teams" "$TEAMS"; fi

# Copies what report:build handed to TeX (the generated .tex and .sty of each milestone) into DEST/<milestone>/.
copy_sources() {
  local proj=$1 dest=$2 dir id
  rm -rf "$dest"; mkdir -p "$dest"
  for dir in "$proj"/target/report/*/; do
    id=$(basename "$dir")
    [ -f "$dir/main.tex" ] || continue
    mkdir -p "$dest/$id"
    (cd "$dir" && find . \( -name '*.tex' -o -name '*.sty' \) -exec cp --parents {} "$dest/$id" \;)
    # The results figures are tikz external pictures: latexmk's side makes them through shell escape, into this folder.
    mkdir -p "$dest/$id/texreport-figures"
  done
}
in_dir() { local d=$1; shift; (cd "$d" && "$@"); }
tex_env() {  # tex_env PROJECT MILESTONE cmd...: the search paths report:build gives TeX
  local proj=$1 id=$2; shift 2
  TEXINPUTS=".:$proj/src/report/$id/figures//:$proj/src/report/figures//:$proj/src/report:" \
  BIBINPUTS=".:$proj/src/report:" "$@"
}
# latexmk_all PROJECT DIR [args]: latexmk -pdf in every DIR/<milestone>/, one after the other (like report:build)
latexmk_all() {
  local proj=$1 base=$2 dir id; shift 2
  for dir in "$base"/*/; do
    id=$(basename "$dir")
    echo "### $id"
    (cd "$dir" && tex_env "$proj" "$id" latexmk -pdf -shell-escape -interaction=nonstopmode -halt-on-error "$@" \
      main.tex) || return 1
  done
}
plugin_counts() {  # engine passes, bibtex runs (summed over milestones), final PDF pages, all up to date?
  python3 - "$1/target/report/summary.json" <<'PY'
import json, sys
ms = json.load(open(sys.argv[1]))["milestones"]
final = [m for m in ms if m["id"] == "final"]
print(sum(m["enginePasses"] for m in ms), sum(m["bibliographyRuns"] for m in ms),
      final[0]["pdfPages"] if final else "n/a", "yes" if all(m.get("upToDate") for m in ms) else "no")
PY
}

# Diagnostics only (never in the timed runs, except watch mode where it costs ~5 ms per TeX process): report.texBin
# pointed at wrappers that log "<program> <start> <end> <first arg>" of every pdflatex/bibtex the plugin starts.
WRAP="$WORK/texbin"; TEXTIMES="$WORK/tex-times.txt"
mkdir -p "$WRAP"
for prog in pdflatex bibtex; do
  real=$(command -v "$prog"); clock=$(command -v date)
  # The fourth field says what the run was: "held" (an engine report:watch started ahead of its pass: its start is
  # taken when the plugin releases it, the line it reads on standard input, so the time it waited is not counted),
  # "-ini" (a format dump), "picture" (a picture's job, the only other run that names its job), "-fmt" (a pass from
  # a format), else the first argument.
  cat >"$WRAP/$prog" <<WRAPPER
#!/bin/sh
s=\$($clock +%s.%N)
k=\${1:-}
case " \$* " in *texreportgo*) k=held;; *" -ini "*) k=-ini;; *" -jobname="*) k=picture;; *" -fmt="*) k=-fmt;; esac
if [ "\$k" = held ]; then
  r="$TEXTIMES.release.\$\$"
  { IFS= read -r line; $clock +%s.%N >"\$r"; printf '%s\\n' "\$line"; } | "$real" "\$@"
  rc=\$?
  s=\$(cat "\$r" 2>/dev/null || echo "\$s"); rm -f "\$r"
else
  "$real" "\$@"
  rc=\$?
fi
echo "$prog \$s \$($clock +%s.%N) \$k" >>"$TEXTIMES"
exit \$rc
WRAPPER
  chmod +x "$WRAP/$prog"
done
# The other programs the plugin starts from report.texBin (kpsewhich for the sandbox's folders, ...), not timed.
for prog in kpsewhich biber xdvipdfmx; do
  if command -v "$prog" >/dev/null; then ln -sf "$(command -v "$prog")" "$WRAP/$prog"; fi
done
STAMPS=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)

# Warm-up (untimed): file caches, TeX's format and font files, Maven's plugin resolution.
progress "warm-up"
first=${PROJECTS%% *}
run_timed warmup-validate "${MVN[@]}" -f "$WORK/$first/pom.xml" validate
run_timed "warmup-$first" "${MVN[@]}" -f "$WORK/$first/pom.xml" report:build
rm -rf "$WORK/$first/target"

declare -A INFO   # counts and notes for the table
note() {  # note KEY VALUE: remembers VALUE; a value that differs between runs is kept too (a|b)
  local k=$1 v=$2
  if [ -z "${INFO[$k]:-}" ]; then INFO[$k]=$v
  elif [[ "|${INFO[$k]}|" != *"|$v|"* ]]; then INFO[$k]="${INFO[$k]}|$v"; fi
}
lmk_count() { grep -c "^Run number [0-9]* of rule '$2" "$1" || true; }

# --- 1. cold builds and 2. no-op rebuilds ---------------------------------------------------------------------
for p in $PROJECTS; do
  proj="$WORK/$p"
  for i in $(seq 1 "$RUNS"); do
    progress "cold build: $p, run $i of $RUNS (plugin, latexmk, mvn validate)"
    rm -rf "$proj/target/report"
    run_timed "$p-plugin-$i" "${MVN[@]}" -f "$proj/pom.xml" report:build -Dreport.force=true
    add "$p.plugin" "$ELAPSED"; add "$p.plugin.cpu" "$CPU"
    read -r eng bib pages _ < <(plugin_counts "$proj")
    note "$p.plugin_engine" "$eng"; note "$p.plugin_bib" "$bib"; note "$p.pages" "$pages"
    rm -rf "$proj/target/report"
    run_timed "$p-nofmt-$i" "${MVN[@]}" -f "$proj/pom.xml" report:build -Dreport.force=true -Dreport.formatCache=false
    add "$p.nofmt" "$ELAPSED"; add "$p.nofmt.cpu" "$CPU"
    copy_sources "$proj" "$WORK/lmk-$p"
    run_timed "$p-latexmk-$i" latexmk_all "$proj" "$WORK/lmk-$p"
    add "$p.latexmk" "$ELAPSED"; add "$p.latexmk.cpu" "$CPU"
    note "$p.lmk_engine" "$(lmk_count "$LOGS/$p-latexmk-$i.log" pdflatex)"
    note "$p.lmk_bib" "$(lmk_count "$LOGS/$p-latexmk-$i.log" bibtex)"
    run_timed "$p-validate-$i" "${MVN[@]}" -f "$proj/pom.xml" validate
    add "$p.validate" "$ELAPSED"
  done

  INFO[$p.uptodate]=yes
  for i in $(seq 1 "$NOOP_RUNS"); do
    progress "no-op rebuild: $p, run $i of $NOOP_RUNS (plugin, mvn validate, latexmk)"
    run_timed "$p-noop-$i" "${MVN[@]}" -f "$proj/pom.xml" report:build
    add "$p.noop" "$ELAPSED"
    read -r _ _ _ all < <(plugin_counts "$proj")
    [ "$all" = yes ] || INFO[$p.uptodate]="NO (run $i rebuilt a milestone)"
    run_timed "$p-noop-validate-$i" "${MVN[@]}" -f "$proj/pom.xml" validate
    add "$p.validate" "$ELAPSED"
    run_timed "$p-noop-latexmk-$i" latexmk_all "$proj" "$WORK/lmk-$p"
    add "$p.latexmk_noop" "$ELAPSED"
    note "$p.lmk_noop_engine" "$(lmk_count "$LOGS/$p-noop-latexmk-$i.log" pdflatex)"
  done
  # A rebuild after editing one sentence of the final's last section (report:build, not watch): with the
  # format (the default), then without it; each run edits the file again.
  lastsec="$proj/src/report/final/$(cd "$proj/src/report/final" && ls | grep -E '^[0-9].*\.tex(\.ftl)?$' | sort | tail -n 1)"
  for i in $(seq 1 "$RUNS"); do
    progress "one-sentence rebuild: $p, run $i of $RUNS (with and without the format)"
    printf '\nOne more sentence, edit %s.\n' "$i" >>"$lastsec"
    run_timed "$p-edit-$i" "${MVN[@]}" -f "$proj/pom.xml" report:build
    add "$p.edit" "$ELAPSED"
    printf '\nOne more sentence, edit %s without the format.\n' "$i" >>"$lastsec"
    run_timed "$p-edit-nofmt-$i" "${MVN[@]}" -f "$proj/pom.xml" report:build -Dreport.formatCache=false
    add "$p.edit_nofmt" "$ELAPSED"
  done
  # Where a no-op's time goes: one run with -X and timestamped log lines (diagnostic, not in the medians).
  run_timed "$p-noop-diag" mvn -B "${OFF[@]}" "${MREPO[@]}" -X "${STAMPS[@]}" -f "$proj/pom.xml" report:build
  INFO[$p.noop_diag]=$(python3 "$BENCH/breakdown.py" mojo "$LOGS/$p-noop-diag.log")
  # Where a cold build's time goes: TeX processes (timed by the wrappers) vs the rest of the mojo.
  progress "diagnostic cold build: $p (TeX processes timed)"
  rm -rf "$proj/target/report"; : >"$TEXTIMES"
  run_timed "$p-cold-diag" mvn -B "${OFF[@]}" "${MREPO[@]}" "${STAMPS[@]}" -f "$proj/pom.xml" report:build \
    -Dreport.force=true -Dreport.texBin="$WRAP"
  INFO[$p.cold_diag]=$(python3 "$BENCH/breakdown.py" mojo "$LOGS/$p-cold-diag.log" "$TEXTIMES")
  cp "$TEXTIMES" "$LOGS/$p-cold-diag.times"
  rm -rf "$proj/target/report"; : >"$TEXTIMES"
  run_timed "$p-cold-diag-nofmt" mvn -B "${OFF[@]}" "${MREPO[@]}" "${STAMPS[@]}" -f "$proj/pom.xml" report:build \
    -Dreport.force=true -Dreport.texBin="$WRAP" -Dreport.formatCache=false
  INFO[$p.cold_diag_nofmt]=$(python3 "$BENCH/breakdown.py" mojo "$LOGS/$p-cold-diag-nofmt.log" "$TEXTIMES")
  cp "$TEXTIMES" "$LOGS/$p-cold-diag-nofmt.times"
  # What loading the preamble costs: one pass over the final's main.tex with an empty body, plain and from the
  # format (dumped again here by a default build).
  run_timed "$p-fmt-build" "${MVN[@]}" -f "$proj/pom.xml" report:build -Dreport.force=true
  fmt=$(ls "$proj"/target/report/.texreport/formats/*.fmt 2>/dev/null | head -n 1 || true)
  E="$WORK/empty-$p"; rm -rf "$E"; cp -r "$proj/target/report/final" "$E"
  python3 - "$E/main.tex" <<'PY'
import sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(text[:text.index("\\begin{document}")] + "\\begin{document}\n\\end{document}\n")
PY
  for i in $(seq 1 "$RUNS"); do
    run_timed "$p-empty-plain-$i" in_dir "$E" tex_env "$proj" final pdflatex -interaction=nonstopmode -halt-on-error main.tex
    add "$p.empty_plain" "$ELAPSED"
    if [ -n "$fmt" ]; then
      run_timed "$p-empty-fmt-$i" in_dir "$E" tex_env "$proj" final pdflatex -interaction=nonstopmode -halt-on-error \
        -fmt="${fmt%.fmt}" main.tex
      add "$p.empty_fmt" "$ELAPSED"
    fi
  done
done

# --- 3. watch mode ----------------------------------------------------------------------------------------------
# start_bg NAME DIR cmd...: cmd in its own session (setsid), output in $LOGS/NAME.log; sets BG_SID (= its pid)
start_bg() {
  local name=$1 dir=$2 i; shift 2
  rm -f "$WORK/$name.sid"
  (cd "$dir" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$WORK/$name.sid" "$@" >"$LOGS/$name.log" 2>&1 </dev/null) &
  for i in $(seq 1 100); do [ -s "$WORK/$name.sid" ] && break; sleep 0.05; done
  [ -s "$WORK/$name.sid" ] || die "could not start $*"
  BG_SID=$(cat "$WORK/$name.sid")
  SESSIONS+=("$BG_SID")
}
wait_marker() {  # wait_marker LOG MARKER SID TIMEOUT_S
  local log=$1 marker=$2 sid=$3 limit=$4 t0
  t0=$(now)
  until grep -qF -- "$marker" "$log"; do
    pgrep -s "$sid" >/dev/null || { tail -n 30 "$log" >&2; die "the watcher ended before printing '$marker' ($log)"; }
    awk -v a="$(sub "$(now)" "$t0")" -v l="$limit" 'BEGIN { exit !(a > l) }' && die "no '$marker' within $limit s ($log)"
    sleep 0.1
  done
}
# stop_session SID: SIGTERM to the watcher itself (the session leader), then waits up to 20 s for the whole
# session (TeX processes it started included) to end; what is left is killed and counted in LEFTOVER.
LEFTOVER=0
stop_session() {
  local sid=$1 i
  kill -TERM "$sid" 2>/dev/null || true
  for i in $(seq 1 100); do pgrep -s "$sid" >/dev/null || return 0; sleep 0.2; done
  echo "bench/run.sh: still running 20 s after SIGTERM (killed):" >&2
  pgrep -a -s "$sid" >&2 || true
  LEFTOVER=$((LEFTOVER + $(pgrep -s "$sid" | wc -l)))
  pkill -KILL -s "$sid" 2>/dev/null || true
}
# edit_cycles NAME EDIT_FILE PDF LOG MARKER PASS_REGEX: WATCH_EDITS timed edits, 1.5 s apart
edit_cycles() {
  local name=$1 file=$2 pdf=$3 log=$4 marker=$5 re=$6 k out a b c
  for k in $(seq 1 "$WATCH_EDITS"); do
    sleep 1.5
    out=$(python3 "$BENCH/edit_wait.py" --edit "$file" --pdf "$pdf" --log "$log" --marker "$marker" \
          --pass-re "$re" --tag "$k") || die "edit $k of $name: no new PDF (log: $log)"
    read -r a b c e1 e2 <<<"$out"
    add "$name.pdf" "$a"; add "$name.cycle" "$b"; note "$name.passes" "$c"
    echo "$e1 $e2" >>"$WORK/$name-edits.txt"
    progress "  $name edit $k: new PDF after $a s, cycle over after $b s, $c engine pass(es)"
  done
}

watch_project() {  # watch_project demo|big: all keys are prefixed with the project
  local wp=$1 W="$WORK/watch-$1" L="$WORK/pvc-$1" sid section i
  cp -r "$WORK/$wp" "$W"; rm -rf "$W/target"
  section=$(cd "$W/src/report/final" && ls | grep -E '^[0-9].*\.tex(\.ftl)?$' | sort | tail -n 1)
  INFO[$wp.section]=$section
  local key extra
  for key in watch watchnf; do
    extra=(); [ "$key" = watchnf ] && extra=(-Dreport.formatCache=false)
    progress "watch: mvn report:watch ${extra[*]} on the $wp project, editing final/$section"
    : >"$TEXTIMES"
    start_bg "$wp-plugin-$key" "$W" mvn -B "${OFF[@]}" "${MREPO[@]}" report:watch -Dreport.texBin="$WRAP" "${extra[@]}"
    sid=$BG_SID
    wait_marker "$LOGS/$wp-plugin-$key.log" "Watching src/report for changes" "$sid" 300
    edit_cycles "$wp.$key" "$W/src/report/final/$section" "$W/target/report/final.pdf" "$LOGS/$wp-plugin-$key.log" \
      "Watching src/report for changes" "pdflatex pass [0-9]+"
    stop_session "$sid"
    cp "$TEXTIMES" "$LOGS/$wp-plugin-$key.times"
    while read -r a b c _; do add "$wp.$key.before" "$a"; add "$wp.$key.tex" "$b"; add "$wp.$key.after" "$c"; done \
      < <(python3 "$BENCH/breakdown.py" watch "$TEXTIMES" "$WORK/$wp.$key-edits.txt")
  done

  progress "watch: latexmk -pdf -pvc on the same generated sources ($wp)"
  copy_sources "$W" "$WORK/pvc-all"; mv "$WORK/pvc-all/final" "$L"; rm -rf "$WORK/pvc-all"
  start_bg "$wp-latexmk-pvc" "$L" env TEXINPUTS=".:$W/src/report/final/figures//:$W/src/report/figures//:$W/src/report:" \
    BIBINPUTS=".:$W/src/report:" perl -e 'use IO::Handle; STDOUT->autoflush(1); my $f = shift; $0 = $f; do $f; die $@ if $@' \
    "$(command -v latexmk)" -pdf -shell-escape -pvc -view=none -interaction=nonstopmode -halt-on-error -e '$sleep_time = 1' main.tex
  sid=$BG_SID
  wait_marker "$LOGS/$wp-latexmk-pvc.log" "=== Watching for updated files" "$sid" 300
  edit_cycles "$wp.pvc" "$L/sections/${section%.ftl}" "$L/main.pdf" "$LOGS/$wp-latexmk-pvc.log" \
    "=== Watching for updated files" "Run number [0-9]+ of rule 'pdflatex'"
  stop_session "$sid"

  for i in $(seq 1 "$RUNS"); do
    progress "watch: one pdflatex pass on the same main.tex ($wp), run $i of $RUNS"
    run_timed "$wp-single-pass-$i" in_dir "$L" tex_env "$W" final \
      pdflatex -interaction=nonstopmode -halt-on-error -recorder main.tex
    add "$wp.single" "$ELAPSED"
  done
}
for wp in $WATCH_PROJECTS; do watch_project "$wp"; done

# --- 4. many teams ------------------------------------------------------------------------------------------------
teams_part() {
T="$WORK/teams"
progress "teams: warm-up build of $TEAMS team projects"
run_timed teams-warmup "${MVN[@]}" -f "$T/pom.xml" report:build
# Calibration: what 2 parallel jobs can gain on this machine right now. Two copies of a built document (the demo's
# final, else big's midterm); one pdflatex pass in each, one after the other vs both at once.
CAL="$WORK/calib"; mkdir -p "$CAL"; CALP=""; CALM=""
for cand in demo/final big/midterm big/final; do
  if [ -f "$WORK/lmk-${cand%/*}/${cand#*/}/main.tex" ]; then
    cp -r "$WORK/lmk-${cand%/*}/${cand#*/}" "$CAL/a"; cp -r "$CAL/a" "$CAL/b"
    CALP="$WORK/${cand%/*}"; CALM=${cand#*/}; break
  fi
done
[ -n "$CALP" ] || die "no built document to calibrate with"
calib_one() { in_dir "$1" tex_env "$CALP" "$CALM" pdflatex -interaction=batchmode main.tex; }
calib_seq() { calib_one "$CAL/a" && calib_one "$CAL/b"; }
calib_par() { local pa rb=0; calib_one "$CAL/a" & pa=$!; calib_one "$CAL/b" || rb=$?; wait "$pa" && [ "$rb" = 0 ]; }
run_timed calib-warmup calib_seq
clean_teams() { rm -rf "$T/target/report"; local d; for d in "$T"/team-*/; do rm -rf "$d/target/report"; done; }
for i in $(seq 1 "$RUNS"); do
  # one: one team and one TeX process at a time (report.threads=1), the sequential throughput the target means;
  # seq: one team at a time, its milestones in parallel (the default, report.threads = cores); par: mvn -T 2.
  modes="one seq par"; [ $((i % 2)) = 0 ] && modes="par seq one"   # alternate the order
  for mode in $modes; do
    progress "teams: $mode build, run $i of $RUNS"
    clean_teams
    if [ "$mode" = one ]; then
      run_timed "teams-one-$i" "${MVN[@]}" -f "$T/pom.xml" report:build -Dreport.force=true -Dreport.threads=1
    elif [ "$mode" = seq ]; then
      run_timed "teams-seq-$i" "${MVN[@]}" -f "$T/pom.xml" report:build -Dreport.force=true
    else
      run_timed "teams-par-$i" "${MVN[@]}" -T 2 -f "$T/pom.xml" report:build -Dreport.force=true
    fi
    add "teams.$mode" "$ELAPSED"
    add "teams.$mode.cpu" "$CPU"
  done
  run_timed "teams-validate-$i" "${MVN[@]}" -f "$T/pom.xml" validate
  add teams.validate "$ELAPSED"
  # What 2 parallel jobs can gain on this machine right now: two pdflatex passes one after the other vs at once.
  run_timed "calib-seq-$i" calib_seq; add calib.seq "$ELAPSED"
  run_timed "calib-par-$i" calib_par; add calib.par "$ELAPSED"
done
note teams.pdfs "$(find "$T" -path '*/target/report/*.pdf' | wc -l)"
}
if [ "$TEAMS" -gt 0 ]; then teams_part; fi

# Nothing we started may still run: the watchers' sessions, and TeX/Maven processes in our process group.
for s in "${SESSIONS[@]}"; do
  if pgrep -s "$s" >/dev/null; then LEFTOVER=$((LEFTOVER + $(pgrep -s "$s" | wc -l))); pkill -KILL -s "$s" || true; fi
done
descendants() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; descendants "$c"; done; }
pgid=$(ps -o pgid= -p $$ | tr -d ' ')
if [ "$pgid" = "$$" ]; then   # we lead our process group: orphans of our builds would still be in it
  strays=$(pgrep -g "$pgid" -x 'pdflatex|bibtex|latexmk|java|perl|mvn' || true)
else
  strays=$(descendants $$ | while read -r c; do ps -o pid=,comm= -p "$c"; done \
           | awk '$2 ~ /^(pdflatex|bibtex|latexmk|java|perl|mvn)$/ { print $1 }' || true)
fi
if [ -n "$strays" ]; then
  echo "bench/run.sh: left over (killed):" >&2
  # shellcheck disable=SC2086
  ps -o pid=,args= -p "$(tr '\n' ',' <<<"$strays" | sed 's/,$//')" >&2 || true
  LEFTOVER=$((LEFTOVER + $(wc -l <<<"$strays")))
  # shellcheck disable=SC2086
  kill -KILL $strays 2>/dev/null || true
fi

# --- the table ----------------------------------------------------------------------------------------------------
strip() { sed 's/\x1b\[[0-9;]*m//g'; }
{
  echo "report-maven-plugin benchmark (bench/run.sh)"
  echo "date:     $(date '+%Y-%m-%d %H:%M:%S %Z')"
  echo "machine:  nproc=$(nproc), CPU: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "TeX:      $(pdflatex --version | head -n 1); latexmk $(latexmk -v | grep -o 'Version [0-9.]*' | head -n 1)"
  echo "Maven:    $(mvn -v 2>/dev/null | strip | head -n 1); Java $(java -version 2>&1 | head -n 1 | grep -o '"[^"]*"' | tr -d '"')"
  echo "plugin:   $PLUGIN_JAR ($(date -r "$PLUGIN_JAR" '+%Y-%m-%d %H:%M:%S'))"
  [ "$(stat -c '%Y %s' "$PLUGIN_JAR")" = "$JAR_STAMP" ] || \
    echo "WARNING:  the installed plugin jar changed during this run (someone ran mvn install): figures may mix two builds"
  echo "projects: demo = examples/demo; big = bench/gen.py big (final: $(I big.pages) PDF pages, 80 citations,"
  echo "          8 <@table>s, 3 <@lineplot>s, 4 <@barchart>s); teams = bench/gen.py teams ($TEAMS modules, 2 milestones each)"
  echo "Times in seconds, MEDIANS: cold builds and team builds over $RUNS runs, no-op over $NOOP_RUNS runs,"
  echo "watch over $WATCH_EDITS edits per project, one pdflatex pass over $RUNS runs. Maven runs with: ${MVN[*]}"
  echo
  f() { printf '  %-58s %12s %12s   %s\n' "$@"; }
  echo "1. Cold build (target/report deleted, -Dreport.force=true)                  target: plugin / latexmk <= 0.7x"
  f "" demo big verdict
  for p in demo big; do
    ov=$(sub "$(med $p.plugin)" "$(med $p.validate)"); INFO[$p.cold_net]=$ov
    INFO[$p.cratio]=$(div "$(med $p.plugin)" "$(med $p.latexmk)")
  done
  f "plugin: mvn -q report:build (preamble format)" "$(med demo.plugin)" "$(med big.plugin)"
  f "plugin, -Dreport.formatCache=false (as before)" "$(med demo.nofmt)" "$(med big.nofmt)"
  f "latexmk -pdf, same generated sources" "$(med demo.latexmk)" "$(med big.latexmk)"
  f "ratio plugin / latexmk" "$(I demo.cratio)" "$(I big.cratio)" \
    "$(verdict "$(I demo.cratio)" '<=' 0.7) / $(verdict "$(I big.cratio)" '<=' 0.7)"
  f "ratio plugin without the format / latexmk" "$(div "$(med demo.nofmt)" "$(med demo.latexmk)")" "$(div "$(med big.nofmt)" "$(med big.latexmk)")"
  f "CPU (user+sys): plugin / without format / latexmk" "$(med demo.plugin.cpu) / $(med demo.nofmt.cpu) / $(med demo.latexmk.cpu)" \
    "$(med big.plugin.cpu) / $(med big.nofmt.cpu) / $(med big.latexmk.cpu)"
  f "Maven start-up (mvn -q validate, all samples)" "$(med demo.validate)" "$(med big.validate)"
  f "plugin - Maven start-up" "$(I demo.cold_net)" "$(I big.cold_net)"
  f "ratio (plugin - start-up) / latexmk" "$(div "$(I demo.cold_net)" "$(med demo.latexmk)")" "$(div "$(I big.cold_net)" "$(med big.latexmk)")"
  f "engine runs, all milestones: plugin / latexmk" "$(I demo.plugin_engine) / $(I demo.lmk_engine)" "$(I big.plugin_engine) / $(I big.lmk_engine)"
  f "bibtex runs, all milestones: plugin / latexmk" "$(I demo.plugin_bib) / $(I demo.lmk_bib)" "$(I big.plugin_bib) / $(I big.lmk_bib)"
  read -r dt _ _ dx dn _ <<<"$(I demo.cold_diag)"; read -r bt _ _ bx bn _ <<<"$(I big.cold_diag)"
  f "one extra timestamped run: mojo time" "${dt:-n/a}" "${bt:-n/a}"
  f "  TeX processes (pdflatex, bibtex), summed" "${dx:-n/a} (${dn:-0})" "${bx:-n/a} (${bn:-0})"
  f "  the rest: plugin's own work in the mojo" "$(sub "${dt:-n/a}" "${dx:-n/a}")" "$(sub "${bt:-n/a}" "${bx:-n/a}")"
  read -r _ _ _ _ _ dd df dp db dg <<<"$(I demo.cold_diag)"; read -r _ _ _ _ _ bd bf bp bb bg <<<"$(I big.cold_diag)"
  f "  of TeX: format dump / passes from it / plain / bibtex" "${dd:-n/a}/${df:-n/a}/${dp:-n/a}/${db:-n/a}" \
    "${bd:-n/a}/${bf:-n/a}/${bp:-n/a}/${bb:-n/a}"
  f "  of TeX: pictures' jobs (results figures, in parallel)" "${dg:-n/a}" "${bg:-n/a}"
  read -r dt _ _ dx dn _ _ dp db _ <<<"$(I demo.cold_diag_nofmt)"; read -r bt _ _ bx bn _ _ bp bb _ <<<"$(I big.cold_diag_nofmt)"
  f "the same without the format: mojo time" "${dt:-n/a}" "${bt:-n/a}"
  f "  TeX: plain passes / bibtex" "${dp:-n/a}/${db:-n/a}" "${bp:-n/a}/${bb:-n/a}"
  f "  the rest: plugin's own work in the mojo" "$(sub "${dt:-n/a}" "${dx:-n/a}")" "$(sub "${bt:-n/a}" "${bx:-n/a}")"
  f "one pass, final's preamble and an empty body: plain" "$(med demo.empty_plain)" "$(med big.empty_plain)"
  f "  the same from the format (format loading)" "$(med demo.empty_fmt)" "$(med big.empty_fmt)"
  echo
  echo "2. No-op rebuild (nothing changed)                                            target: plugin - validate < 0.2 s"
  f "" demo big verdict
  for p in demo big; do INFO[$p.noop_ov]=$(sub "$(med $p.noop)" "$(med $p.validate)"); done
  f "plugin: mvn -q report:build" "$(med demo.noop)" "$(med big.noop)"
  f "mvn -q validate" "$(med demo.validate)" "$(med big.validate)"
  f "plugin overhead = report:build - validate" "$(I demo.noop_ov)" "$(I big.noop_ov)" \
    "$(verdict "$(I demo.noop_ov)" '<' 0.2) / $(verdict "$(I big.noop_ov)" '<' 0.2)"
  f "latexmk -pdf no-op (all milestones)" "$(med demo.latexmk_noop)" "$(med big.latexmk_noop)"
  f "every milestone 'up to date' in summary.json" "$(I demo.uptodate)" "$(I big.uptodate)"
  for p in demo big; do
    INFO[$p.edit_target]=$(awk -v a="$(med $p.single)" -v b="$(med $p.validate)" 'BEGIN {
      if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.3f", a + b }')
  done
  f "one sentence edited in final: mvn -q report:build" "$(med demo.edit)" "$(med big.edit)" \
    "$(verdict "$(med demo.edit)" '<=' "$(I demo.edit_target)") / $(verdict "$(med big.edit)" '<=' "$(I big.edit_target)")"
  f "  the same, -Dreport.formatCache=false" "$(med demo.edit_nofmt)" "$(med big.edit_nofmt)"
  f "  target: one plain pass (part 3) + mvn validate" "$(I demo.edit_target)" "$(I big.edit_target)"
  read -r dt dr df _ <<<"$(I demo.noop_diag)"; read -r bt br bf _ <<<"$(I big.noop_diag)"
  f "one extra run with -X: mojo time" "${dt:-n/a}" "${bt:-n/a}"
  f "  Maven: plugin class realm + mojo configuration" "${dr:-n/a}" "${br:-n/a}"
  f "  plugin: execute() -> first '[id] up to date'" "${df:-n/a}" "${bf:-n/a}"
  echo
  echo "3. Watch mode: append a sentence to the last section of final (demo: $(I demo.section), big: $(I big.section))"
  echo "                                                                    target: report:watch latency <= 0.5 x one pass"
  f "" demo big verdict
  for p in demo big; do INFO[$p.wratio]=$(div "$(med $p.watch.pdf)" "$(med $p.single)"); done
  f "report:watch, without the format: edit -> new PDF" "$(med demo.watchnf.pdf)" "$(med big.watchnf.pdf)"
  f "  TeX processes" "$(med demo.watchnf.tex)" "$(med big.watchnf.tex)"
  f "report:watch: edit -> new final.pdf" "$(med demo.watch.pdf)" "$(med big.watch.pdf)"
  f "  edit -> first TeX process (quiet period 50 ms, render, hash)" "$(med demo.watch.before)" "$(med big.watch.before)"
  f "  TeX processes" "$(med demo.watch.tex)" "$(med big.watch.tex)"
  f "  last TeX process ends -> final.pdf replaced" "$(med demo.watch.after)" "$(med big.watch.after)"
  f "  engine passes per edit (all values seen)" "$(I demo.watch.passes)" "$(I big.watch.passes)"
  f "report:watch: edit -> 'Watching' again" "$(med demo.watch.cycle)" "$(med big.watch.cycle)"
  f "one pdflatex pass on the same main.tex" "$(med demo.single)" "$(med big.single)"
  f "ratio report:watch latency / one pass" "$(I demo.wratio)" "$(I big.wratio)" \
    "$(verdict "$(I demo.wratio)" '<=' 0.5) / $(verdict "$(I big.wratio)" '<=' 0.5)"
  f "latexmk -pvc (\$sleep_time=1, its minimum): edit -> PDF" "$(med demo.pvc.pdf)" "$(med big.pvc.pdf)"
  f "  engine passes per edit (all values seen)" "$(I demo.pvc.passes)" "$(I big.pvc.passes)"
  f "ratio report:watch / latexmk -pvc" "$(div "$(med demo.watch.pdf)" "$(med demo.pvc.pdf)")" "$(div "$(med big.watch.pdf)" "$(med big.pvc.pdf)")"
  f "processes left after SIGTERM (all watchers)" "$LEFTOVER" "" "$([ "$LEFTOVER" = 0 ] && echo PASS || echo MISS)"
  echo
  if [ "$TEAMS" -gt 0 ]; then
    echo "4. Many teams: $TEAMS team modules in one aggregator, -Dreport.force=true     target: speed-up >= 1.7x"
    su=$(div "$(med teams.one)" "$(med teams.par)")
    f "sequential: mvn -q report:build -Dreport.threads=1" "$(med teams.one)" "" "(one TeX process at a time)"
    f "mvn -q -T 2 report:build" "$(med teams.par)" ""
    f "speed-up sequential / -T 2" "${su}" "" "$(verdict "$su" '>=' 1.7)"
    f "CPU time (user+sys): sequential / -T 2" "$(med teams.one.cpu) / $(med teams.par.cpu)" ""
    f "cores busy on average: sequential / -T 2" "$(div "$(med teams.one.cpu)" "$(med teams.one)" | tr -d x) / $(div "$(med teams.par.cpu)" "$(med teams.par)" | tr -d x)" "" "(of 2)"
    f "most -T 2 can gain with that CPU time" "$(div "$(med teams.one)" "$(awk -v c="$(med teams.par.cpu)" 'BEGIN { printf "%.3f", c / 2 }')")" "" "(sequential wall / (CPU of -T 2 / 2 cores))"
    tsn=$(sub "$(med teams.one)" "$(med teams.validate)"); tpn=$(sub "$(med teams.par)" "$(med teams.validate)")
    f "mvn -q validate on the aggregator" "$(med teams.validate)" ""
    f "speed-up without Maven start-up" "$(div "$tsn" "$tpn")" "" "(PDFs built: $(I teams.pdfs))"
    f "default: mvn -q report:build (milestones in parallel)" "$(med teams.seq)" "" "(no -T: report.threads = cores)"
    f "speed-up default / -T 2" "$(div "$(med teams.seq)" "$(med teams.par)")" ""
    cal=$(div "$(med calib.seq)" "$(med calib.par)")
    f "machine now: 2 pdflatex passes at once vs in a row" "$cal" "" "(TeX alone, no JVM beside it)"
    f "speed-up / machine's 2-job speed-up" "$(div "$su" "$cal")" ""
  fi
  echo
  echo "Samples (s):"
  for k in $(printf '%s\n' "${!S[@]}" | sort); do printf '  %-20s %s\n' "$k" "${S[$k]}"; done
} >"$WORK/table.txt"
cp "$WORK/table.txt" "$BENCH/latest.txt"
echo
cat "$WORK/table.txt"
