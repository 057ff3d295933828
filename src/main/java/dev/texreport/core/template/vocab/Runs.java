package dev.texreport.core.template.vocab;

import dev.texreport.core.results.RunSet;
import freemarker.template.TemplateModelException;
import java.util.List;
import java.util.Map;

/** Helpers the calls share for selecting runs. */
final class Runs {
    private Runs() {
    }

    /** The runs matching {@code where}; an empty selection is an error naming the filter. */
    static RunSet filtered(RunSet set, Map<String, Object> where) {
        if (where.isEmpty()) {
            return set;
        }
        List<Map<String, Object>> selected = set.where(where);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no run matches where=" + where + " (" + set.runs().size()
                    + " runs in all)");
        }
        return new RunSet(selected, set.metrics());
    }

    static List<String> requireMetrics(Params p) throws TemplateModelException {
        p.required("metrics", "metrics=[\"top1\", \"top5\"]");
        throw new TemplateModelException("<@table>: 'metrics' must name at least one metric");
    }
}
