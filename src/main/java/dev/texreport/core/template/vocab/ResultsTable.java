package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.Ranking;
import dev.texreport.core.numbers.Rounding;
import dev.texreport.core.numbers.Summary;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.LatexOutputFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A rows x metrics table of means over seeds, rendered as a booktabs LaTeX table: caption above, no vertical rules,
 * best value per column in bold and second best underlined (decided on the printed values, honouring each
 * metric's direction), a dash for missing cells, and the number of seeds in the caption.
 *
 * <p>Decimal points line up without siunitx: every value of a column is rounded to the same decimal place and
 * Times has tabular (equal-width) digits in both its regular and bold weights, so the right-aligned means align on
 * the point, and bold cells keep the alignment (siunitx's S columns lose it under bold). The spread sits in its own
 * left-aligned sub-column right after the mean, so a wide header never pushes it away.
 */
public final class ResultsTable {
    /** The rendered table and what the team should know about it. */
    public record Output(String latex, List<String> warnings) { }

    private record Column(Object group, MetricSpec metric) { }

    private record Cell(Summary summary, BigDecimal mean, BigDecimal spread) { }

    public Output render(RunSet set, TableSpec spec, String provenance) {
        List<String> warnings = new ArrayList<>();
        List<Object> rows = orderedRows(set, spec);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no run has the field '" + spec.rowField() + "'; the runs have: "
                    + String.join(", ", set.runs().isEmpty() ? List.of("(no runs)") : set.runs().get(0).keySet()));
        }
        for (String metric : spec.metrics()) {
            if (set.runs().stream().noneMatch(r -> r.containsKey(metric))) {
                throw new IllegalArgumentException("no run has the metric '" + metric + "'; the runs have: "
                        + String.join(", ", set.runs().get(0).keySet()));
            }
        }
        List<Column> columns = new ArrayList<>();
        List<Object> groups = spec.columnField() == null ? java.util.Collections.singletonList(null)
                : set.distinct(spec.columnField(), set.runs());
        for (Object group : groups) {
            for (String key : spec.metrics()) {
                columns.add(new Column(group, set.metric(key, spec.overrides().get(key))));
            }
        }

        // Summaries per cell, then one decimal place per column so the column aligns.
        Map<Object, List<Summary>> summaries = new LinkedHashMap<>();
        TreeSet<Integer> seedCounts = new TreeSet<>();
        for (Object row : rows) {
            List<Summary> line = new ArrayList<>();
            for (Column column : columns) {
                Map<String, Object> filter = new LinkedHashMap<>();
                filter.put(spec.rowField(), row);
                if (column.group() != null) {
                    filter.put(spec.columnField(), column.group());
                }
                Summary s = Summary.of(RunSet.values(set.where(filter), column.metric().key()))
                        .scaled(column.metric().scale());
                line.add(s);
                if (s.n() > 0) {
                    seedCounts.add(s.n());
                }
            }
            summaries.put(row, line);
        }
        int maxSeeds = seedCounts.isEmpty() ? 0 : seedCounts.last();
        for (Map.Entry<Object, List<Summary>> entry : summaries.entrySet()) {
            int fewest = entry.getValue().stream().mapToInt(Summary::n).filter(n -> n > 0).min().orElse(maxSeeds);
            if (fewest < maxSeeds) {
                warnings.add("results table" + (spec.label().isEmpty() ? "" : " '" + spec.label() + "'") + ": '"
                        + entry.getKey() + "' has " + fewest + " seed(s) where others have " + maxSeeds);
            }
        }

        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            cells.add(new ArrayList<>());
        }
        List<Boolean> hasSpread = new ArrayList<>();
        List<List<Ranking.Mark>> marks = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            MetricSpec metric = columns.get(c).metric();
            List<Summary> column = new ArrayList<>();
            for (Object row : rows) {
                column.add(summaries.get(row).get(c));
            }
            BigDecimal reference = column.stream().map(Summary::mean).filter(java.util.Objects::nonNull)
                    .map(BigDecimal::abs).max(BigDecimal::compareTo).orElse(null);
            int decimals = Rounding.decimalsFor(reference, metric.decimals(), metric.significant());
            List<BigDecimal> printed = new ArrayList<>();
            boolean spread = false;
            for (int r = 0; r < rows.size(); r++) {
                Summary s = column.get(r);
                BigDecimal mean = s.mean() == null ? null : Rounding.round(s.mean(), decimals);
                BigDecimal deviation = switch (spec.spread()) {
                    case "std" -> s.std();
                    case "sem" -> s.sem();
                    default -> null;
                };
                BigDecimal roundedSpread = deviation == null ? null : Rounding.round(deviation, decimals);
                spread |= roundedSpread != null;
                cells.get(r).add(new Cell(s, mean, roundedSpread));
                printed.add(mean);
            }
            hasSpread.add(spread);
            marks.add(Ranking.rank(printed, metric.direction()));
        }

        StringBuilder tex = new StringBuilder();
        tex.append("% texreport: results table from ").append(provenance).append('\n');
        tex.append("\\begin{table}[").append(spec.placement()).append("]\n");
        tex.append("  \\centering\n");
        if (!spec.size().equals("normalsize")) {
            tex.append("  \\").append(spec.size()).append('\n');
        }
        tex.append("  \\caption{").append(caption(spec.caption(), captionNote(spec, seedCounts))).append("}\n");
        if (!spec.label().isEmpty()) {
            tex.append("  \\label{").append(spec.label()).append("}\n");
        }
        StringBuilder layout = new StringBuilder("l");
        for (boolean spread : hasSpread) {
            if (spec.fullWidth()) {
                // Stretch only between metric columns, never between a mean and its spread.
                layout.append("@{\\extracolsep{\\fill}\\hspace{2\\tabcolsep}}")
                        .append(spread ? "r@{\\extracolsep{0pt}\\,}l" : "r");
            } else {
                layout.append(spread ? "r@{\\,}l" : "r");
            }
        }
        if (spec.fullWidth()) {
            tex.append("  \\begin{tabular*}{\\linewidth}{").append(layout).append("}\n");
        } else {
            tex.append("  \\begin{tabular}{").append(layout).append("}\n");
        }
        tex.append("    \\toprule\n");
        String rowTitle = spec.rowTitle() != null ? spec.rowTitle()
                : LatexOutputFormat.escape(capitalize(spec.rowField()));
        if (spec.columnField() != null) {
            tex.append("    ");
            int start = 2;
            StringBuilder rules = new StringBuilder();
            int index = 0;
            for (Object group : groups) {
                int width = 0;
                for (int k = 0; k < spec.metrics().size(); k++) {
                    width += hasSpread.get(index++) ? 2 : 1;
                }
                tex.append(" & \\multicolumn{").append(width).append("}{c}{")
                        .append(LatexOutputFormat.escape(String.valueOf(group))).append('}');
                rules.append("\\cmidrule(lr){").append(start).append('-').append(start + width - 1).append('}');
                start += width;
            }
            tex.append(" \\\\\n    ").append(rules).append('\n');
        }
        tex.append("    ").append(rowTitle);
        for (int c = 0; c < columns.size(); c++) {
            MetricSpec metric = columns.get(c).metric();
            String header = LatexOutputFormat.escape(metric.label())
                    + (metric.direction().arrow().isEmpty() ? "" : " " + metric.direction().arrow());
            tex.append(" & ").append(hasSpread.get(c) ? "\\multicolumn{2}{c}{" + header + "}"
                    : "\\multicolumn{1}{c}{" + header + "}");
        }
        tex.append(" \\\\\n    \\midrule\n");
        for (int r = 0; r < rows.size(); r++) {
            tex.append("    ").append(LatexOutputFormat.escape(String.valueOf(rows.get(r))));
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = cells.get(r).get(c);
                Ranking.Mark mark = marks.get(c).get(r);
                tex.append(" & ");
                if (cell.mean() == null) {
                    tex.append(hasSpread.get(c) ? "\\multicolumn{2}{c}{" + NumberText.MISSING + "}"
                            : NumberText.MISSING);
                    continue;
                }
                tex.append(marked(NumberText.latex(cell.mean(), spec.grouping()), mark));
                if (hasSpread.get(c)) {
                    tex.append(" & ");
                    if (cell.spread() != null) {
                        tex.append(marked("\\textpm\\," + NumberText.latex(cell.spread(), spec.grouping()), mark));
                    }
                }
            }
            tex.append(" \\\\\n");
        }
        tex.append("    \\bottomrule\n");
        tex.append(spec.fullWidth() ? "  \\end{tabular*}\n" : "  \\end{tabular}\n");
        tex.append("\\end{table}\n");
        return new Output(tex.toString(), warnings);
    }

    private static String marked(String text, Ranking.Mark mark) {
        return switch (mark) {
            case BEST -> "\\textbf{" + text + "}";
            case SECOND -> "\\underline{" + text + "}";
            case NONE -> text;
        };
    }

    /** The team's caption, ended with a full stop when a note follows, then the note. */
    private static String caption(String text, String note) {
        String caption = text.strip();
        if (note.isEmpty()) {
            return caption;
        }
        if (caption.isEmpty()) {
            return note.strip();
        }
        return caption + (caption.matches("(?s).*[.!?]$") ? "" : ".") + note;
    }

    private static String captionNote(TableSpec spec, TreeSet<Integer> seedCounts) {
        if (seedCounts.isEmpty() || seedCounts.last() < 2 || spec.spread().equals("none")) {
            return seedCounts.isEmpty() || seedCounts.last() < 2 ? "" : " Mean over " + seeds(seedCounts) + ".";
        }
        String what = spec.spread().equals("sem") ? "standard error" : "std";
        return " Mean \\textpm{} " + what + " over " + seeds(seedCounts) + ".";
    }

    private static String seeds(TreeSet<Integer> counts) {
        return counts.first().equals(counts.last()) ? counts.last() + " seeds"
                : counts.first() + "--" + counts.last() + " seeds";
    }

    private static List<Object> orderedRows(RunSet set, TableSpec spec) {
        List<Object> appearing = set.distinct(spec.rowField(), set.runs());
        List<Object> rows = new ArrayList<>();
        for (String wanted : spec.rowOrder()) {
            appearing.stream().filter(v -> RunSet.same(v, wanted)).findFirst().ifPresentOrElse(rows::add, () -> {
                throw new IllegalArgumentException("row '" + wanted + "' (order) is not a value of '" + spec.rowField()
                        + "'; the values are: " + String.join(", ", appearing.stream().map(String::valueOf).toList()));
            });
        }
        for (Object value : appearing) {
            if (rows.stream().noneMatch(r -> RunSet.same(r, value))) {
                rows.add(value);
            }
        }
        return rows;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
