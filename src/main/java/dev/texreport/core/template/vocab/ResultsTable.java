package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.PrintFormat;
import dev.texreport.core.numbers.Ranking;
import dev.texreport.core.numbers.Spread;
import dev.texreport.core.numbers.Summary;
import dev.texreport.core.numbers.WelchTest;
import dev.texreport.core.results.MetricValues;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.LatexOutputFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * (Over the house's 250 lines on purpose: grouping, the best/second-best decision on printed values and the column layout depend on
 * each other and are reviewed together; number formatting is in core.numbers.)
 *
 * A rows x metrics table of means over seeds, rendered as a booktabs LaTeX table: caption above, no vertical rules,
 * best value per column in bold and second best underlined (decided on the printed values, honouring each
 * metric's direction), a dash for missing cells, and the number of seeds in the caption.
 *
 * <p>Decimal points line up without siunitx: every value of a column is rounded to the same decimal place and
 * Times has tabular (equal-width) digits in both its regular and bold weights, so the right-aligned means align on
 * the point, and bold cells keep the alignment (siunitx's S columns lose it under bold). The spread sits in its own
 * left-aligned sub-column right after the mean, so a wide header never pushes it away.
 *
 * <p>The runs are grouped by row (and column group) once, so a table costs one pass over the runs however many rows
 * it has. The tabular is set in a box whose size is written to the .aux, so the build can tell when a table is wider
 * than the text or taller than the page ({@code checks.FloatSizeCheck}).
 */
public final class ResultsTable {
    /** The rendered table and what the team should know about it. */
    public record Output(String latex, List<String> warnings) { }

    private record Column(Object group, MetricSpec metric) { }

    private record Cell(List<BigDecimal> values, Summary summary, boolean notFinite, BigDecimal mean,
                        String spread, boolean significant) {
        int n() {
            return summary.n() + (notFinite ? 1 : 0);
        }
    }

    public Output render(RunSet set, TableSpec spec, String provenance) {
        List<String> warnings = new ArrayList<>();
        String name = "results table" + (spec.label().isEmpty() ? "" : " '" + spec.label() + "'");
        Map<Object, RunSet.Group> rowGroups = RunSet.groups(spec.rowField(), set.runs());
        if (rowGroups.isEmpty()) {
            throw new IllegalArgumentException("no run has the field '" + spec.rowField() + "'; the runs have: "
                    + fields(set));
        }
        List<RunSet.Group> rows = orderedRows(rowGroups, spec);
        if (rows.size() > TableSpec.MAX_ROWS && !spec.longTable()) {
            throw new IllegalArgumentException("the table would have " + rows.size() + " rows (one per value of '"
                    + spec.rowField() + "'), and a page holds about " + TableSpec.MAX_ROWS + ". Aggregate: group the"
                    + " rows by a field with fewer values (rows=\"method\"), or select runs with where=...; for a"
                    + " complete listing in the appendix, add long=true (a table that breaks across pages)");
        }
        Set<String> fields = set.fields();
        for (String metric : spec.metrics()) {
            if (!fields.contains(metric)) {
                throw new IllegalArgumentException("no run has the metric '" + metric + "'; the runs have: "
                        + fields(set));
            }
        }
        int baseline = -1;
        if (spec.baseline() != null) {
            for (int r = 0; r < rows.size(); r++) {
                if (RunSet.same(rows.get(r).value(), spec.baseline())) {
                    baseline = r;
                }
            }
            if (baseline < 0) {
                throw new IllegalArgumentException("the significance baseline '" + spec.baseline() + "' is not a row;"
                        + " the rows are: " + RunSet.list(rows.stream().map(RunSet.Group::value).toList()));
            }
        }
        List<Object> groups = spec.columnField() == null ? java.util.Collections.singletonList(null)
                : set.distinct(spec.columnField(), set.runs());
        List<Column> columns = new ArrayList<>();
        for (Object group : groups) {
            for (String key : spec.metrics()) {
                columns.add(new Column(group, set.metric(key, spec.overrides().get(key))));
            }
        }

        // The runs of each cell: by row, then by column group, one pass each.
        List<List<List<Map<String, Object>>>> cellRuns = new ArrayList<>();
        for (RunSet.Group row : rows) {
            List<List<Map<String, Object>>> line = new ArrayList<>();
            Map<Object, RunSet.Group> byGroup = spec.columnField() == null ? Map.of()
                    : RunSet.groups(spec.columnField(), row.runs());
            for (Object group : groups) {
                RunSet.Group inGroup = group == null ? null : byGroup.get(RunSet.key(group));
                line.add(group == null ? row.runs() : inGroup == null ? List.of() : inGroup.runs());
            }
            cellRuns.add(line);
        }

        TreeSet<Integer> counts = new TreeSet<>();
        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                MetricSpec metric = columns.get(c).metric();
                MetricValues values = set.values(cellRuns.get(r).get(c / spec.metrics().size()), metric.key());
                List<BigDecimal> scaled = values.finite().stream().map(v -> v.multiply(metric.scale())).toList();
                Summary s = Summary.of(scaled);
                Cell cell = new Cell(scaled, s, values.hasNotFinite(), null, null, false);
                line.add(cell);
                int n = s.n() + values.notFinite();
                if (n > 0) {
                    counts.add(n);
                }
            }
            cells.add(line);
        }
        int maxSeeds = counts.isEmpty() ? 0 : counts.last();
        int notFiniteCells = 0;
        for (int r = 0; r < rows.size(); r++) {
            int fewest = cells.get(r).stream().mapToInt(Cell::n).filter(n -> n > 0).min().orElse(maxSeeds);
            if (fewest < maxSeeds) {
                warnings.add(name + ": '" + rows.get(r).value() + "' has " + fewest + " "
                        + (unit(set, cellRuns).equals("seeds") ? "seed(s)" : "run(s)") + " where others have " + maxSeeds);
            }
            notFiniteCells += (int) cells.get(r).stream().filter(Cell::notFinite).count();
        }
        if (notFiniteCells > 0) {
            warnings.add(name + ": " + notFiniteCells + " cell(s) hold NaN or infinite values and print as a dash");
        }

        List<PrintFormat> formats = new ArrayList<>();
        List<Boolean> hasSpread = new ArrayList<>();
        List<List<Ranking.Mark>> marks = new ArrayList<>();
        boolean anySignificant = false;
        for (int c = 0; c < columns.size(); c++) {
            MetricSpec metric = columns.get(c).metric();
            BigDecimal reference = null;
            for (List<Cell> line : cells) {
                Cell cell = line.get(c);
                if (!cell.notFinite() && cell.summary().mean() != null
                        && (reference == null || cell.summary().mean().abs().compareTo(reference) > 0)) {
                    reference = cell.summary().mean().abs();
                }
            }
            PrintFormat format = PrintFormat.of(reference, metric.decimals(), metric.significant(), spec.notation());
            formats.add(format);
            List<BigDecimal> printed = new ArrayList<>();
            boolean spread = false;
            for (int r = 0; r < rows.size(); r++) {
                Cell cell = cells.get(r).get(c);
                Summary s = cell.summary();
                if (cell.notFinite() || s.mean() == null) {
                    printed.add(null);
                    continue;
                }
                BigDecimal mean = format.rounded(s.mean());
                String spreadText = null;
                if (spec.spread() == Spread.BOOTSTRAP) {
                    BigDecimal[] interval = Spread.bootstrap(cell.values());
                    spreadText = interval == null ? null : format.interval(interval[0], interval[1], spec.grouping());
                } else {
                    BigDecimal half = spec.spread().halfWidth(s);
                    spreadText = half == null ? null : "\\textpm\\," + format.digits(half.abs(), spec.grouping());
                }
                boolean significant = false;
                if (baseline >= 0 && r != baseline) {
                    Cell base = cells.get(baseline).get(c);
                    significant = !base.notFinite() && WelchTest.pValue(cell.values(), base.values()) < spec.alpha();
                }
                anySignificant |= significant;
                spread |= spreadText != null;
                cells.get(r).set(c, new Cell(cell.values(), s, false, mean, spreadText, significant));
                printed.add(mean);
            }
            hasSpread.add(spread);
            marks.add(Ranking.rank(printed, metric.direction()));
        }

        String caption = caption(spec.caption(), captionNote(spec, counts, unit(set, cellRuns))
                + (spec.baseline() == null ? "" : significanceNote(spec, anySignificant)));
        StringBuilder layout = new StringBuilder("l");
        for (boolean spread : hasSpread) {
            if (spec.fullWidth() && !spec.longTable()) {
                // Stretch only between metric columns, never between a mean and its spread.
                layout.append("@{\\extracolsep{\\fill}\\hspace{2\\tabcolsep}}")
                        .append(spread ? "r@{\\extracolsep{0pt}\\,}l" : "r");
            } else {
                layout.append(spread ? "r@{\\,}l" : "r");
            }
        }
        StringBuilder head = new StringBuilder();
        String rowTitle = spec.rowTitle() != null ? spec.rowTitle()
                : LatexOutputFormat.escape(capitalize(spec.rowField()));
        if (spec.columnField() != null) {
            head.append("    ");
            int start = 2;
            StringBuilder rules = new StringBuilder();
            int index = 0;
            for (Object group : groups) {
                int width = 0;
                for (int k = 0; k < spec.metrics().size(); k++) {
                    width += hasSpread.get(index++) ? 2 : 1;
                }
                head.append(" & \\multicolumn{").append(width).append("}{c}{")
                        .append(LatexOutputFormat.escape(String.valueOf(group))).append('}');
                rules.append("\\cmidrule(lr){").append(start).append('-').append(start + width - 1).append('}');
                start += width;
            }
            head.append(" \\\\\n    ").append(rules).append('\n');
        }
        head.append("    ").append(rowTitle);
        for (int c = 0; c < columns.size(); c++) {
            String header = header(columns.get(c).metric(), formats.get(c));
            head.append(" & ").append(hasSpread.get(c) ? "\\multicolumn{2}{c}{" + header + "}"
                    : "\\multicolumn{1}{c}{" + header + "}");
        }
        head.append(" \\\\\n");
        StringBuilder body = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            body.append("    ").append(LatexOutputFormat.escape(String.valueOf(rows.get(r).value())));
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = cells.get(r).get(c);
                Ranking.Mark mark = marks.get(c).get(r);
                body.append(" & ");
                if (cell.mean() == null) {
                    String dash = cell.notFinite() ? NumberText.NOT_FINITE : NumberText.MISSING;
                    body.append(hasSpread.get(c) ? "\\multicolumn{2}{c}{" + dash + "}" : dash);
                    continue;
                }
                String dagger = cell.significant() ? "\\textsuperscript{\\textdagger}" : "";
                body.append(marked(NumberText.latex(cell.mean(), spec.grouping()), mark));
                if (hasSpread.get(c)) {
                    body.append(" & ");
                    if (cell.spread() != null) {
                        body.append(marked(cell.spread(), mark));
                    }
                }
                body.append(dagger);
            }
            body.append(" \\\\\n");
        }
        String tex = spec.longTable() ? longTable(spec, provenance, caption, layout, head, body, columns, hasSpread)
                : floatTable(spec, provenance, caption, layout, head, body);
        return new Output(tex, warnings);
    }

    private static String floatTable(TableSpec spec, String provenance, String caption, StringBuilder layout,
                                     StringBuilder head, StringBuilder body) {
        StringBuilder tex = new StringBuilder();
        tex.append("% texreport: results table from ").append(provenance).append('\n');
        tex.append("\\begin{table}[").append(spec.placement()).append("]\n");
        tex.append("  \\centering\n");
        if (!spec.size().equals("normalsize")) {
            tex.append("  \\").append(spec.size()).append('\n');
        }
        tex.append("  \\caption{").append(caption).append("}\n");
        if (!spec.label().isEmpty()) {
            tex.append("  \\label{").append(spec.label()).append("}\n");
        }
        tex.append(FloatBox.open());
        if (spec.fullWidth()) {
            tex.append("  \\begin{tabular*}{\\linewidth}{").append(layout).append("}\n");
        } else {
            tex.append("  \\begin{tabular}{").append(layout).append("}\n");
        }
        tex.append("    \\toprule\n").append(head).append("    \\midrule\n").append(body);
        tex.append("    \\bottomrule\n");
        tex.append(spec.fullWidth() ? "  \\end{tabular*}" : "  \\end{tabular}");
        tex.append(FloatBox.close("table", spec.place(), spec.label()));
        tex.append("\\end{table}\n");
        return tex.toString();
    }

    /** A longtable: the header repeats on every page, the caption and label stay on the first. */
    private static String longTable(TableSpec spec, String provenance, String caption, StringBuilder layout,
                                    StringBuilder head, StringBuilder body, List<Column> columns,
                                    List<Boolean> hasSpread) {
        int width = 1;
        for (int c = 0; c < columns.size(); c++) {
            width += hasSpread.get(c) ? 2 : 1;
        }
        StringBuilder tex = new StringBuilder();
        tex.append("% texreport: results table from ").append(provenance).append(" (long table)\n");
        tex.append("{");
        if (!spec.size().equals("normalsize")) {
            tex.append("\\").append(spec.size());
        }
        tex.append("\n\\begin{longtable}{").append(layout).append("}\n");
        tex.append("  \\caption{").append(caption).append("}");
        if (!spec.label().isEmpty()) {
            tex.append("\\label{").append(spec.label()).append("}");
        }
        tex.append(" \\\\\n    \\toprule\n").append(head).append("    \\midrule\n  \\endfirsthead\n");
        tex.append("    \\multicolumn{").append(width).append("}{l}{\\itshape continued from the previous page}")
                .append(" \\\\\n    \\toprule\n").append(head).append("    \\midrule\n  \\endhead\n");
        tex.append("    \\bottomrule\n  \\endlastfoot\n");
        tex.append(body);
        tex.append("\\end{longtable}\n}\n");
        return tex.toString();
    }

    private static String header(MetricSpec metric, PrintFormat format) {
        String name = LatexOutputFormat.escape(metric.name());
        String unit = LatexOutputFormat.escape(metric.unit());
        String scale = format.exponent() == 0 ? "" : "\\texttimes\\," + NumberText.powerOfTen(format.exponent());
        String inParentheses = scale.isEmpty() ? unit : unit.isEmpty() ? scale : scale + "\\," + unit;
        return name + (inParentheses.isEmpty() ? "" : " (" + inParentheses + ")")
                + (metric.direction().arrow().isEmpty() ? "" : " " + metric.direction().arrow());
    }

    private static String fields(RunSet set) {
        return set.runs().isEmpty() ? "(no runs)" : RunSet.list(List.copyOf(set.fields()));
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

    private static String captionNote(TableSpec spec, TreeSet<Integer> counts, String unit) {
        if (counts.isEmpty() || counts.last() < 2) {
            return "";
        }
        String what = spec.spread() == Spread.NONE ? "Mean" : spec.spread().captionWords();
        String range = counts.first().equals(counts.last()) ? String.valueOf(counts.last())
                : counts.first() + "--" + counts.last();
        return " " + what + " over " + range + " " + unit + ".";
    }

    private static String significanceNote(TableSpec spec, boolean any) {
        String alpha = BigDecimal.valueOf(spec.alpha()).stripTrailingZeros().toPlainString();
        return " \\textsuperscript{\\textdagger}: significantly different from "
                + LatexOutputFormat.escape(spec.baseline()) + " (Welch's t-test, two-sided, \\(p < " + alpha + "\\))"
                + (any ? "." : "; no cell is.");
    }

    /**
     * What the runs of a cell are: "seeds" when the runs have a seed field and each cell's runs have different
     * seeds, else "runs" (rows="seed" makes each cell several methods of one seed).
     */
    private static String unit(RunSet set, List<List<List<Map<String, Object>>>> cellRuns) {
        for (List<List<Map<String, Object>>> line : cellRuns) {
            for (List<Map<String, Object>> cell : line) {
                Set<Object> seeds = new HashSet<>();
                for (Map<String, Object> run : cell) {
                    Object seed = run.get("seed");
                    if (seed == null || !seeds.add(RunSet.key(seed))) {
                        return "runs";
                    }
                }
            }
        }
        return "seeds";
    }

    private static List<RunSet.Group> orderedRows(Map<Object, RunSet.Group> groups, TableSpec spec) {
        List<RunSet.Group> rows = new ArrayList<>();
        Set<Object> taken = new HashSet<>();
        for (String wanted : spec.rowOrder()) {
            RunSet.Group group = groups.get(RunSet.key(wanted));
            if (group == null) {
                throw new IllegalArgumentException("row '" + wanted + "' (order) is not a value of '"
                        + spec.rowField() + "'; the values are: "
                        + RunSet.list(groups.values().stream().map(RunSet.Group::value).toList()));
            }
            if (taken.add(RunSet.key(wanted))) {
                rows.add(group);
            }
        }
        for (Map.Entry<Object, RunSet.Group> group : groups.entrySet()) {
            if (!taken.contains(group.getKey())) {
                rows.add(group.getValue());
            }
        }
        return rows;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
