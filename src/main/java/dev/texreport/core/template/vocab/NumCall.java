package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NonFinite;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.PrintFormat;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code <@num value=results.cifar.top1 percent=true decimals=1/>} prints 81.3; {@code pm=} adds a spread
 * ({@code 81.3 ± 0.4}) rounded to the same decimal place. Without decimals, three significant digits; beyond
 * 10^9 or below 10^-4, scientific notation ({@code 2.29 × 10^17}).
 */
final class NumCall extends VocabularyCall {
    NumCall(RenderContext context) {
        super(context, "num", Set.of("value", "pm", "decimals", "significant", "scale", "percent", "group",
                "notation"));
    }

    @Override
    String render(Params p, Consumer<String> warnings) throws TemplateModelException {
        Object raw = p.required("value", "value=results.cifar.top1");
        if (raw instanceof NonFinite notFinite) {
            warnings.accept("<@num>: the value is " + notFinite.text() + "; printed as a dash");
            return NumberText.NOT_FINITE;
        }
        BigDecimal value = RunSet.number(raw);
        if (value == null) {
            throw new TemplateModelException("<@num>: value must be a number, not '" + raw + "'");
        }
        MetricSpec metric = p.inlineMetric("value");
        BigDecimal scaled = value.multiply(metric.scale());
        PrintFormat format = PrintFormat.of(scaled, metric.decimals(), metric.significant(), p.notation());
        if (!p.has("pm")) {
            return format.number(scaled, p.grouping());
        }
        BigDecimal pm = RunSet.number(p.value("pm"));
        if (pm == null) {
            throw new TemplateModelException("<@num>: pm must be a number, not '" + p.value("pm") + "'");
        }
        return format.withSpread(scaled, pm.multiply(metric.scale()), p.grouping());
    }
}
