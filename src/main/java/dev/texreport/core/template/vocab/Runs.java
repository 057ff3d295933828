package dev.texreport.core.template.vocab;

import freemarker.template.TemplateModelException;
import java.util.List;

/** Helpers the calls share for reading their runs. */
final class Runs {
    private Runs() {
    }

    static List<String> requireMetrics(Params p) throws TemplateModelException {
        p.required("metrics", "metrics=[\"top1\", \"top5\"]");
        throw new TemplateModelException("<@table>: 'metrics' must name at least one metric");
    }
}
