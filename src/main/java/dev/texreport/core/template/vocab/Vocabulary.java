package dev.texreport.core.template.vocab;

import dev.texreport.core.template.RenderContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calls every template can use, by name: {@code <@num/>}, {@code <@stat/>}, {@code <@table/>},
 * {@code <@lineplot/>}, {@code <@barchart/>}, {@code <@curve/>} and {@code <@figure>} (panels).
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static Map<String, Object> calls(RenderContext context) {
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("num", new NumCall(context));
        calls.put("stat", new StatCall(context));
        calls.put("table", new TableCall(context));
        calls.put("lineplot", new PlotCalls.LinePlot(context));
        calls.put("barchart", new PlotCalls.BarChart(context));
        calls.put("curve", new PlotCalls.Curve(context));
        calls.put("figure", new FigureCall(context));
        return calls;
    }
}
