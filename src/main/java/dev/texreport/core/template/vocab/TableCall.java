package dev.texreport.core.template.vocab;

import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code <@table runs=results.main rows="method" metrics=["top1", "top5"] caption="Main results." label="tab:main"/>}:
 * a booktabs table of means over seeds with best and second best marked.
 */
final class TableCall extends VocabularyCall {
    TableCall(RenderContext context) {
        super(context, "table", Set.of("runs", "rows", "order", "rowTitle", "columns", "metrics", "spread", "caption",
                "label", "size", "width", "placement", "group", "where", "notation", "long", "significance",
                "alpha"));
    }

    @Override
    String render(Params p, Consumer<String> warnings) throws TemplateModelException {
        Object data = p.required("runs", "runs=results.main");
        RunSet set = RunSet.from(data, context.origin()).select(p.map("where"));
        String width = p.choice("width", "text", "text", "full");
        boolean longTable = p.bool("long", false);
        if (longTable) {
            context.needPackage("longtable");
        }
        BigDecimal alpha = p.decimal("alpha");
        TableSpec spec = new TableSpec(String.valueOf(p.required("rows", "rows=\"method\"")), p.strings("order"),
                p.has("rowTitle") ? p.latex("rowTitle", "") : null, p.string("columns", null),
                p.strings("metrics").isEmpty() ? Runs.requireMetrics(p) : p.strings("metrics"),
                p.metricOverrides("metrics"), StatCall.spread(p), p.latex("caption", ""),
                p.string("label", ""), p.string("size", "normalsize"), width.equals("full"),
                p.string("placement", "htbp"), p.grouping(), p.notation(), longTable, p.string("significance", null),
                alpha == null ? 0.05 : alpha.doubleValue(), p.place());
        ResultsTable.Output output = new ResultsTable().render(set, spec, context.provenance(data));
        output.warnings().forEach(warnings);
        return output.latex();
    }
}
