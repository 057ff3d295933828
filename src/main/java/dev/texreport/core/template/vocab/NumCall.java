package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.Rounding;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code <@num value=results.cifar.top1 percent=true decimals=1/>} prints 81.3; {@code pm=} adds a spread
 * ({@code 81.3 ± 0.4}) rounded to the same decimal place. Without decimals, three significant digits.
 */
final class NumCall extends VocabularyCall {
    NumCall(RenderContext context) {
        super(context, "num", Set.of("value", "pm", "decimals", "significant", "scale", "percent", "group"));
    }

    @Override
    String render(Params p, Consumer<String> warnings) throws TemplateModelException {
        Object raw = p.required("value", "value=results.cifar.top1");
        BigDecimal value = RunSet.number(raw);
        if (value == null) {
            throw new TemplateModelException("<@num>: value must be a number, not '" + raw + "'");
        }
        MetricSpec metric = p.inlineMetric("value");
        BigDecimal scaled = value.multiply(metric.scale());
        int decimals = Rounding.decimalsFor(scaled, metric.decimals(), metric.significant());
        String text = NumberText.latex(Rounding.round(scaled, decimals), p.grouping());
        if (p.has("pm")) {
            BigDecimal pm = RunSet.number(p.value("pm"));
            if (pm == null) {
                throw new TemplateModelException("<@num>: pm must be a number, not '" + p.value("pm") + "'");
            }
            text = NumberText.withSpread(text,
                    NumberText.latex(Rounding.round(pm.multiply(metric.scale()).abs(), decimals), p.grouping()));
        }
        return text;
    }
}
