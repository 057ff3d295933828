#!/usr/bin/env bash
# The scale cases of issue 14, timed: a 20 000-run results file with a 4 000-row table, and a 20 000-point line plot,
# from reading results/ to the generated LaTeX (what a build does before TeX starts), then one pdflatex pass over
# the plot. Prints medians and all samples; the target is under 2 s before TeX for the table. Run from the
# repository root; needs the test classes (compiled here) and pdflatex with pgfplots.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java -Dorg.freemarker.loggerLibrary=none -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.texreport.core.template.vocab.ResultsScaleBench
