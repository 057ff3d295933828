package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.Summary;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.LatexOutputFormat;
import dev.texreport.core.template.Palette;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes figures as native pgfplots code, so the fonts are the paper's and nothing is rasterised: line plots of a
 * metric over steps or epochs (mean line, with a shaded +-std band when there are several seeds) and bar charts
 * with error bars.
 */
public final class PlotWriter {
    private final Palette palette;

    public PlotWriter(Palette palette) {
        this.palette = palette;
    }

    public String linePlot(RunSet set, PlotSpec spec, String provenance) {
        List<Object> series = spec.series() == null ? java.util.Collections.singletonList(null)
                : set.distinct(spec.series(), set.runs());
        StringBuilder plots = new StringBuilder();
        java.util.Set<BigDecimal> xs = new java.util.TreeSet<>();
        for (Object name : series) {
            List<Map<String, Object>> runs = name == null ? set.runs() : set.where(Map.of(spec.series(), name));
            Map<BigDecimal, List<BigDecimal>> byX = new java.util.TreeMap<>();
            for (Map<String, Object> run : runs) {
                BigDecimal x = RunSet.number(run.get(spec.x()));
                BigDecimal y = RunSet.number(run.get(spec.y()));
                if (x != null && y != null) {
                    byX.computeIfAbsent(x, k -> new ArrayList<>()).add(y);
                    xs.add(x);
                }
            }
            if (byX.isEmpty()) {
                continue;
            }
            String key = name == null ? spec.yMetric().name() : String.valueOf(name);
            String colour = palette.colour(key);
            StringBuilder line = new StringBuilder();
            StringBuilder upper = new StringBuilder();
            List<String> lower = new ArrayList<>();
            boolean spread = false;
            for (Map.Entry<BigDecimal, List<BigDecimal>> point : byX.entrySet()) {
                Summary s = Summary.of(point.getValue()).scaled(spec.yMetric().scale());
                String x = plain(point.getKey());
                line.append('(').append(x).append(',').append(plain(s.mean())).append(") ");
                if (s.std() != null) {
                    spread = true;
                    upper.append('(').append(x).append(',').append(plain(s.mean().add(s.std()))).append(") ");
                    lower.add(0, "(" + x + "," + plain(s.mean().subtract(s.std())) + ")");
                }
            }
            if (spec.band() && spread) {
                plots.append("    \\addplot[forget plot, draw=none, fill=").append(colour)
                        .append(", fill opacity=0.2] coordinates {").append(upper).append(String.join(" ", lower))
                        .append("} --cycle;\n");
            }
            plots.append("    \\addplot[color=").append(colour).append(", mark=").append(palette.mark(key))
                    .append(", mark size=1.2pt, mark repeat=").append(Math.max(1, byX.size() / 10))
                    .append(", thick] coordinates {").append(line).append("};\n");
            if (name != null) {
                plots.append("    \\addlegendentry{").append(LatexOutputFormat.escape(key)).append("}\n");
            }
        }
        String xLabel = spec.xLabel() != null ? spec.xLabel() : LatexOutputFormat.escape(spec.x());
        // A few whole-number x values (epochs) get a tick each instead of fractional ticks.
        String axis = xs.size() <= 12 && xs.stream().allMatch(x -> x.stripTrailingZeros().scale() <= 0)
                ? "      xtick=data,\n" : "";
        return figure(spec, provenance, axis, xLabel, plots.toString());
    }

    public String barChart(RunSet set, PlotSpec spec, String provenance) {
        List<Object> categories = set.distinct(spec.x(), set.runs());
        Map<Object, Summary> bars = new LinkedHashMap<>();
        for (Object category : categories) {
            bars.put(category, Summary.of(RunSet.values(set.where(Map.of(spec.x(), category)), spec.y()))
                    .scaled(spec.yMetric().scale()));
        }
        StringBuilder names = new StringBuilder();
        StringBuilder plots = new StringBuilder();
        // A unitless bar width would be read in axis units, which symbolic x coordinates do not have.
        long barWidth = Math.min(28, Math.round(0.5 * 330 / Math.max(1, categories.size())));
        int index = 0;
        for (Map.Entry<Object, Summary> bar : bars.entrySet()) {
            String category = String.valueOf(bar.getKey());
            String symbol = symbol(index++);
            names.append(names.length() == 0 ? "" : ",").append(symbol);
            Summary s = bar.getValue();
            if (s.mean() == null) {
                continue;
            }
            // Bars are given as a one-row table: pgfplots parses coordinate-form error offsets as symbolic x values.
            plots.append("    \\addplot[ybar, bar width=").append(barWidth).append("pt, bar shift=0pt, fill=")
                    .append(palette.colour(category))
                    .append(", draw=none, error bars/.cd, y dir=both, y explicit, error bar style={black}]")
                    .append(" table[x=x, y=y, y error=e, row sep=\\\\] {x y e\\\\ ").append(symbol).append(' ')
                    .append(plain(s.mean())).append(' ').append(s.std() == null ? "0" : plain(s.std()))
                    .append("\\\\};\n");
        }
        StringBuilder ticks = new StringBuilder();
        for (Object category : categories) {
            ticks.append(ticks.length() == 0 ? "" : ",").append('{')
                    .append(LatexOutputFormat.escape(String.valueOf(category))).append('}');
        }
        String axis = "      symbolic x coords={" + names + "}, xtick={" + names + "}, xticklabels={" + ticks + "},\n"
                + "      enlarge x limits=0.15, ymin=0, x tick label style={font=\\small},\n";
        String xLabel = spec.xLabel() != null ? spec.xLabel() : "";
        return figure(spec, provenance, axis, xLabel, plots.toString());
    }

    private String figure(PlotSpec spec, String provenance, String extraAxis, String xLabel, String plots) {
        StringBuilder tex = new StringBuilder();
        tex.append("% texreport: figure from ").append(provenance).append('\n');
        tex.append("\\begin{figure}[").append(spec.placement()).append("]\n");
        tex.append("  \\centering\n");
        tex.append(Palette.definitions().indent(2));
        tex.append("  \\begin{tikzpicture}\n");
        tex.append("    \\begin{axis}[\n");
        tex.append("      width=\\linewidth, height=").append(spec.height()).append(",\n");
        tex.append("      xlabel={").append(xLabel).append("}, ylabel={")
                .append(LatexOutputFormat.escape(spec.yMetric().label())).append("},\n");
        tex.append("      label style={font=\\small}, tick label style={font=\\footnotesize},\n");
        // Tick labels follow the text's digit grouping: thin spaces from five digits on, never a comma.
        tex.append("      /pgf/number format/.cd, 1000 sep={\\,}, min exponent for 1000 sep=4, /pgfplots/.cd,\n");
        tex.append("      legend style={font=\\footnotesize, draw=none, fill=none, at={(0.5,1.02)}, anchor=south,\n");
        tex.append("        legend columns=-1, /tikz/every even column/.append style={column sep=0.6em}},\n");
        tex.append("      legend cell align=left, grid=major, grid style={gray!25},\n");
        tex.append(extraAxis);
        tex.append("    ]\n");
        tex.append(plots);
        tex.append("    \\end{axis}\n");
        tex.append("  \\end{tikzpicture}\n");
        tex.append("  \\caption{").append(spec.caption()).append("}\n");
        if (!spec.label().isEmpty()) {
            tex.append("  \\label{").append(spec.label()).append("}\n");
        }
        tex.append("\\end{figure}\n");
        return tex.toString();
    }

    /**
     * pgfplots symbolic coordinates must be plain letters (no TeX specials, no digits); categories get names by
     * position (catA, catB, ...) and their real names are printed as tick labels.
     */
    private static String symbol(int index) {
        StringBuilder name = new StringBuilder();
        int i = index;
        do {
            name.insert(0, (char) ('A' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return "cat" + name;
    }

    private static String plain(BigDecimal value) {
        return value.round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }
}
