#!/usr/bin/env bash
# What the TeX sandbox costs (dev.texreport.core.sandbox), measured with the real engines on one document:
#   - lualatex: a pass without and with the --lua sandbox (warm font cache), and the first pass with an empty
#     per-project TEXMFVAR (luaotfload builds its font names database and font tables from nothing);
#   - xelatex: two ordinary passes (each runs xdvipdfmx) against two -no-pdf passes, the XDV check and one xdvipdfmx.
# Usage: bench/tex-sandbox.sh [runs]   (default 3; prints the median of each).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/team/src/report/figures" "$work/team/target/report/final"
cp "$(kpsewhich example-image-a.png)" "$work/team/src/report/figures/inside.png"
wd="$work/team/target/report/final"
var="$work/team/target/report/.texreport/texmf-var"
cat > "$wd/main.tex" <<'TEX'
\documentclass{article}
\usepackage{fontspec}
\setmainfont{Latin Modern Roman}
\usepackage{graphicx}
\usepackage{hyperref}
\begin{document}
\section{Results}\label{s} Zoë and Łukasz, see Section~\ref{s}. \includegraphics[width=2cm]{inside}
\end{document}
TEX
export openin_any=p openout_any=p shell_escape=f max_print_line=100000 SOURCE_DATE_EPOCH=1700000000 FORCE_SOURCE_DATE=1
export TEXINPUTS=".:$work/team/src/report/figures//:$work/team/src/report:" TEXMFVAR="$var" TEXMFCACHE="$var"
common="-interaction=nonstopmode -halt-on-error -file-line-error -recorder -no-shell-escape"

# The sandbox script as LuaSandbox writes it, with this machine's roots (SandboxRoots.of for this layout).
script="$work/team/target/report/.texreport/lua/final-sandbox.lua"
mkdir -p "$(dirname "$script")"
{
  tex=$(for d in $(kpsewhich -expand-path='$TEXMF:$TEXMFCNF:$TEXMFSYSVAR:$OSFONTDIR' | tr ':' ' ') /etc/fonts \
        /usr/share/fonts; do [ "${d#$var}" = "$d" ] && echo "\"$d\","; done)
  echo "local texreport_roots = { workdir = \"$wd\", read = { \"$wd\", \"$var\", \"$work/team/src/report\","
  echo "$tex }, write = { \"$wd\", \"$var\" }, installation = { $tex }, protected = { \"$wd/main.fls\" } }"
  cat src/main/resources/dev/texreport/sandbox/texreport-sandbox.lua
} > "$script"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
lua_plain() { (cd "$wd" && lualatex $common main.tex); }
lua_sandboxed() { (cd "$wd" && lualatex --lua="$script" --nosocket $common main.tex); }
xe_plain() { (cd "$wd" && xelatex $common main.tex && xelatex $common main.tex); }
xe_nopdf() { (cd "$wd" && xelatex -no-pdf $common main.tex && xelatex -no-pdf $common main.tex \
  && xdvipdfmx -q -E -o main.pdf main.xdv); }

cold=()
for i in $(seq "$runs"); do rm -rf "$var"; cold+=("$(seconds lua_sandboxed)"); done
lua_sandboxed >/dev/null 2>&1
plain=(); sandboxed=(); xplain=(); xnopdf=()
for i in $(seq "$runs"); do
  plain+=("$(seconds lua_plain)"); sandboxed+=("$(seconds lua_sandboxed)")
  xplain+=("$(seconds xe_plain)"); xnopdf+=("$(seconds xe_nopdf)")
done
printf '%-58s %8s\n' "measure (median of $runs)" seconds
printf '%-58s %8.2f\n' "lualatex pass, no sandbox, warm cache" "$(printf '%s\n' "${plain[@]}" | median)"
printf '%-58s %8.2f\n' "lualatex pass, --lua sandbox, warm cache" "$(printf '%s\n' "${sandboxed[@]}" | median)"
printf '%-58s %8.2f\n' "lualatex pass, --lua sandbox, empty per-project TEXMFVAR" "$(printf '%s\n' "${cold[@]}" | median)"
printf '%-58s %8.2f\n' "xelatex: 2 ordinary passes (xdvipdfmx in each)" "$(printf '%s\n' "${xplain[@]}" | median)"
printf '%-58s %8.2f\n' "xelatex: 2 -no-pdf passes + 1 xdvipdfmx" "$(printf '%s\n' "${xnopdf[@]}" | median)"
printf '%-58s %8s\n' "per-project font cache size" "$(du -sh "$var" | cut -f1)"
