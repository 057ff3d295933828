package dev.texreport.core.template.vocab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The scale cases of issue 14, timed (run by bench/results-scale.sh; no test times anything): a 20 000-run file
 * with a 4 000-row table, and a line plot of 20 000 points, from reading the results to the LaTeX, as a build does
 * before TeX starts; then one pdflatex pass over the plot.
 */
public final class ResultsScaleBench {
    private ResultsScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("results-scale");
        VocabFixture f = new VocabFixture(dir);
        StringBuilder sweep = new StringBuilder("config,seed,lr,acc,loss\n");
        for (int c = 0; c < 4000; c++) {
            for (int s = 0; s < 5; s++) {
                sweep.append("cfg-").append(c).append(',').append(s).append(",0.").append(1 + c % 9).append(",0.")
                        .append(5000 + (c * 37 + s * 11) % 4000).append(",1.").append((c * 13 + s) % 1000).append('\n');
            }
        }
        StringBuilder log = new StringBuilder("step,loss\n");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 20_000; i++) {
            log.append(i * 5).append(',').append(String.format(Locale.ROOT, "%.5f",
                    0.3 + 2 * Math.exp(-i / 3000.0) + 0.1 * random.nextGaussian())).append('\n');
        }
        f.file("results/sweep.csv", sweep.toString()).file("results/log.csv", log.toString());
        System.out.println("results-scale benchmark (bench/results-scale.sh), " + Runtime.getRuntime()
                .availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        System.out.println("inputs: results/sweep.csv 20 000 runs (4 000 configs x 5 seeds); results/log.csv 20 000"
                + " steps");
        System.out.println("times: median of 5 after 2 warm-ups; each from reading results/ to the LaTeX text");
        time("table, 4 000 rows, long=true (20 000 runs)", f, "<@table runs=results.sweep rows=\"config\" "
                + "metrics=[\"acc\", \"loss\"] long=true/>\n");
        time("table, 4 000 rows, refused with a hint", f, "<#attempt><@table runs=results.sweep rows=\"config\" "
                + "metrics=[\"acc\"]/><#recover>refused</#attempt>\n");
        time("table, rows=\"lr\" (9 rows over 20 000 runs)", f, "<@table runs=results.sweep rows=\"lr\" "
                + "metrics=[\"acc\", \"loss\"]/>\n");
        time("stat over 20 000 runs", f, "<@stat runs=results.sweep metric=\"acc\"/>\n");
        time("lineplot, 20 000 points (drawn as 1 000)", f, "<@lineplot runs=results.log x=\"step\" y=\"loss\"/>\n");
        time("lineplot, 20 000 points, smooth=0.9", f, "<@lineplot runs=results.log x=\"step\" y=\"loss\" "
                + "smooth=0.9/>\n");
        String figure = f.render("<@lineplot runs=results.log x=\"step\" y=\"loss\" smooth=0.9/>\n").text();
        Path tex = dir.resolve("tex");
        Files.createDirectories(tex);
        Files.writeString(tex.resolve("main.tex"), "\\documentclass{article}\n\\usepackage{pgfplots}\n"
                + "\\pgfplotsset{compat=1.18}\n\\begin{document}\n" + figure + "\\end{document}\n",
                StandardCharsets.UTF_8);
        List<Double> passes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("pdflatex", "-interaction=batchmode", "main.tex").directory(tex.toFile())
                    .redirectErrorStream(true).redirectOutput(tex.resolve("out.txt").toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("pdflatex failed: see " + tex);
                return;
            }
            passes.add((System.nanoTime() - start) / 1e9);
        }
        Collections.sort(passes);
        System.out.printf(Locale.ROOT, "%-52s %8.3f s   (pdflatex, median of 3; all: %s)%n",
                "one pdflatex pass over the smoothed 20 000-step plot", passes.get(1), passes);
    }

    private static void time(String what, VocabFixture f, String template) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            f.render(template);
            if (i >= 2) {
                samples.add((System.nanoTime() - start) / 1e9);
            }
        }
        Collections.sort(samples);
        System.out.printf(Locale.ROOT, "%-52s %8.3f s   (all: %s)%n", what, samples.get(2),
                samples.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
    }
}
