package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.PrintFormat;
import dev.texreport.core.numbers.Spread;
import dev.texreport.core.numbers.Summary;
import dev.texreport.core.results.MetricValues;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code <@stat runs=results.main where={"method": "ViT-S"} metric="top1"/>}: the mean over the selected runs with
 * its spread, e.g. {@code 81.3 ± 0.4}, using the metric's declared precision. One run prints no spread; a NaN or
 * infinite value among the runs prints a dash, with a warning.
 */
final class StatCall extends VocabularyCall {
    StatCall(RenderContext context) {
        super(context, "stat", parameters());
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(Set.of("runs", "where", "metric", "spread", "group", "notation"));
        names.addAll(METRIC_SETTINGS);
        return names;
    }

    @Override
    String render(Params p, Consumer<String> warnings) throws TemplateModelException {
        Object data = p.required("runs", "runs=results.main");
        RunSet set = RunSet.from(data, context.origin()).select(p.map("where"));
        context.provenance(data);
        String key = String.valueOf(p.required("metric", "metric=\"top1\""));
        Spread spread = spread(p);
        MetricSpec metric = set.metric(key, p.inlineMetric(key));
        MetricValues values = set.values(set.runs(), key);
        if (values.isEmpty()) {
            throw new TemplateModelException("<@stat>: none of the " + set.runs().size() + " selected runs has '" + key
                    + "'; the runs have: " + RunSet.list(List.copyOf(set.fields())));
        }
        if (values.hasNotFinite()) {
            warnings.accept("<@stat> '" + key + "': " + values.notFinite() + " of "
                    + (values.notFinite() + values.finite().size()) + " values are NaN or infinite; printed as a dash");
            return NumberText.NOT_FINITE;
        }
        List<BigDecimal> scaled = values.finite().stream().map(v -> v.multiply(metric.scale())).toList();
        Summary s = Summary.of(scaled);
        PrintFormat format = PrintFormat.of(s.mean(), metric.decimals(), metric.significant(), p.notation());
        if (spread == Spread.BOOTSTRAP) {
            BigDecimal[] interval = Spread.bootstrap(scaled);
            return interval == null ? format.number(s.mean(), p.grouping())
                    : format.withInterval(s.mean(), interval[0], interval[1], p.grouping());
        }
        return format.withSpread(s.mean(), spread.halfWidth(s), p.grouping());
    }

    static Spread spread(Params p) throws TemplateModelException {
        try {
            return Spread.parse(p.string("spread", "std"));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("<@" + p.call() + ">: " + e.getMessage());
        }
    }
}
