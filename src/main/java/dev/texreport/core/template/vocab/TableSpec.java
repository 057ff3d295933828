package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
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
 * @param spread       {@code std} (sample standard deviation), {@code sem} (standard error) or {@code none}
 * @param caption      the caption text (LaTeX); the seed count is appended
 * @param label        the label for \ref, or empty
 * @param size         {@code normalsize}, {@code small} or {@code footnotesize}
 * @param fullWidth    stretch the table to the full text width
 * @param placement    float placement, e.g. {@code t}
 * @param grouping     digit grouping
 */
public record TableSpec(String rowField, List<String> rowOrder, String rowTitle, String columnField,
                        List<String> metrics, Map<String, MetricSpec> overrides, String spread, String caption,
                        String label, String size, boolean fullWidth, String placement,
                        NumberText.Grouping grouping) {
    public TableSpec {
        rowOrder = List.copyOf(rowOrder);
        metrics = List.copyOf(metrics);
        overrides = Map.copyOf(overrides);
        if (!List.of("std", "sem", "none").contains(spread)) {
            throw new IllegalArgumentException("spread must be 'std', 'sem' or 'none', not '" + spread + "'");
        }
        if (!List.of("normalsize", "small", "footnotesize", "scriptsize").contains(size)) {
            throw new IllegalArgumentException("size must be 'normalsize', 'small' or 'footnotesize', not '" + size
                    + "'");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("name at least one metric, e.g. metrics=[\"top1\", \"top5\"]");
        }
    }
}
