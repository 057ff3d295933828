package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.Notation;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.Spread;
import java.util.List;
import java.util.Map;

/**
 * What a results table shows.
 *
 * @param rowField     the field whose values are the rows, e.g. {@code method}
 * @param rowOrder     the rows in this order (others follow in order of appearance); empty: order of appearance
 * @param rowTitle     the header of the first column; defaults to the field name with a capital
 * @param columnField  a field whose values group the metric columns (e.g. {@code dataset}), or null
 * @param metrics      the metric keys, in column order
 * @param overrides    per-metric settings from the template call, over the file's declarations
 * @param spread       what follows each mean: std, standard error, a 95% interval, or nothing
 * @param caption      the caption text (LaTeX); the seed count is appended
 * @param label        the label for \ref, or empty
 * @param size         {@code normalsize}, {@code small}, {@code footnotesize} or {@code scriptsize}
 * @param fullWidth    stretch the table to the full text width
 * @param placement    float placement, e.g. {@code t}
 * @param grouping     digit grouping
 * @param notation     plain digits or scientific notation (auto: by magnitude)
 * @param longTable    a longtable that breaks across pages, for a complete listing in the appendix
 * @param baseline     the row the significance marks compare with, or null for no marks
 * @param alpha        the significance level of those marks
 * @param place        the call's template and line, named when the table does not fit the page
 */
public record TableSpec(String rowField, List<String> rowOrder, String rowTitle, String columnField,
                        List<String> metrics, Map<String, MetricSpec> overrides, Spread spread, String caption,
                        String label, String size, boolean fullWidth, String placement,
                        NumberText.Grouping grouping, Notation notation, boolean longTable, String baseline,
                        double alpha, String place) {
    /** More rows than this do not fit a page: the table is refused unless it is a long table. */
    public static final int MAX_ROWS = 40;

    public TableSpec {
        rowOrder = List.copyOf(rowOrder);
        metrics = List.copyOf(metrics);
        overrides = Map.copyOf(overrides);
        if (!List.of("normalsize", "small", "footnotesize", "scriptsize").contains(size)) {
            throw new IllegalArgumentException("size must be 'normalsize', 'small', 'footnotesize' or 'scriptsize', "
                    + "not '" + size + "'");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("name at least one metric, e.g. metrics=[\"top1\", \"top5\"]");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, e.g. 0.05, not " + alpha);
        }
    }

    /** A plain table: std spread, auto notation, no significance marks. */
    public static TableSpec of(String rowField, List<String> metrics, String caption, String label) {
        return new TableSpec(rowField, List.of(), null, null, metrics, Map.of(), Spread.STD, caption, label,
                "normalsize", false, "t", NumberText.Grouping.SI, Notation.AUTO, false, null, 0.05, "");
    }
}
