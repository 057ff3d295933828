package dev.texreport.core.template.vocab;

import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code <@table runs=results.main rows="method" metrics=["top1", "top5"] caption="Main results." label="tab:main"/>}:
 * a booktabs table of means over seeds with best and second best marked.
 */
final class TableCall extends VocabularyCall {
    TableCall(RenderContext context) {
        super(context, "table", Set.of("runs", "rows", "order", "rowTitle", "columns", "metrics", "spread", "caption",
                "label", "size", "width", "placement", "group", "where"));
    }

    @Override
    String render(Params p, Consumer<String> warnings) throws TemplateModelException {
        Object data = p.required("runs", "runs=results.main");
        RunSet set = Runs.filtered(RunSet.from(data), p.map("where"));
        String width = p.string("width", "text");
        if (!width.equals("text") && !width.equals("full")) {
            throw new TemplateModelException("<@table>: width must be 'text' or 'full', not '" + width + "'");
        }
        TableSpec spec = new TableSpec(String.valueOf(p.required("rows", "rows=\"method\"")), p.strings("order"),
                p.has("rowTitle") ? p.latex("rowTitle", "") : null, p.string("columns", null),
                p.strings("metrics").isEmpty() ? Runs.requireMetrics(p) : p.strings("metrics"),
                p.metricOverrides("metrics"), p.string("spread", "std"), p.latex("caption", ""),
                p.string("label", ""), p.string("size", "normalsize"), width.equals("full"),
                p.string("placement", "htbp"), p.grouping());
        ResultsTable.Output output = new ResultsTable().render(set, spec, context.provenance(data));
        output.warnings().forEach(warnings);
        return output.latex();
    }
}
