package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.Rounding;
import dev.texreport.core.numbers.Summary;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code <@stat runs=results.main where={"method": "ViT-S"} metric="top1"/>}: the mean over the selected runs with
 * its spread, e.g. {@code 81.3 ± 0.4}, using the metric's declared precision. One run prints no spread.
 */
final class StatCall extends VocabularyCall {
    StatCall(RenderContext context) {
        super(context, "stat", parameters());
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(Set.of("runs", "where", "metric", "spread", "group"));
        names.addAll(METRIC_SETTINGS);
        return names;
    }

    @Override
    String render(Params p, Consumer<String> warnings) throws TemplateModelException {
        Object data = p.required("runs", "runs=results.main");
        RunSet set = Runs.filtered(RunSet.from(data), p.map("where"));
        context.provenance(data);
        String key = String.valueOf(p.required("metric", "metric=\"top1\""));
        MetricSpec metric = set.metric(key, p.inlineMetric(key));
        Summary s = Summary.of(RunSet.values(set.runs(), key)).scaled(metric.scale());
        if (s.mean() == null) {
            throw new TemplateModelException("<@stat>: none of the " + set.runs().size() + " selected runs has a number"
                    + " for '" + key + "'");
        }
        int decimals = Rounding.decimalsFor(s.mean().abs(), metric.decimals(), metric.significant());
        String spread = p.string("spread", "std");
        BigDecimal deviation = switch (spread) {
            case "std" -> s.std();
            case "sem" -> s.sem();
            case "none" -> null;
            default -> throw new TemplateModelException("<@stat>: spread must be 'std', 'sem' or 'none', not '"
                    + spread + "'");
        };
        String mean = NumberText.latex(Rounding.round(s.mean(), decimals), p.grouping());
        return NumberText.withSpread(mean, deviation == null ? null
                : NumberText.latex(Rounding.round(deviation, decimals), p.grouping()));
    }
}
