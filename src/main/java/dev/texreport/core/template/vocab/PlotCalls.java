package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.LatexOutputFormat;
import dev.texreport.core.template.RenderContext;
import freemarker.template.TemplateModelException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The figure calls: {@code <@lineplot>}, {@code <@barchart>} and {@code <@curve>} (Hugging Face trainer state). */
final class PlotCalls {
    private PlotCalls() {
    }

    private static Set<String> with(String... names) {
        Set<String> all = new HashSet<>(Set.of(names));
        all.addAll(Set.of("caption", "label", "height", "placement", "xlabel"));
        all.addAll(VocabularyCall.METRIC_SETTINGS);
        return all;
    }

    private static PlotSpec spec(Params p, String x, String y, String series, MetricSpec metric, boolean band)
            throws TemplateModelException {
        return new PlotSpec(x, y, series, metric, p.has("xlabel") ? p.latex("xlabel", "") : null,
                p.latex("caption", ""), p.string("label", ""), band, p.string("height", "0.5\\linewidth"),
                p.string("placement", "htbp"));
    }

    /** {@code <@lineplot runs=results.training x="epoch" y="val_acc" series="method"/>}. */
    static final class LinePlot extends VocabularyCall {
        LinePlot(RenderContext context) {
            super(context, "lineplot", with("runs", "x", "y", "series", "where", "band"));
        }

        @Override
        String render(Params p, Consumer<String> warnings) throws TemplateModelException {
            Axes a = axes(p, context, "results.training", "epoch", "val_acc");
            return new PlotWriter(context.palette()).linePlot(a.set(), spec(p, a.x(), a.y(), p.string("series", null),
                    a.set().metric(a.y(), p.inlineMetric(a.y())), p.bool("band", true)), context.provenance(a.data()));
        }
    }

    /** {@code <@barchart runs=results.main x="method" y="top1" percent=true/>}: mean per category with std bars. */
    static final class BarChart extends VocabularyCall {
        BarChart(RenderContext context) {
            super(context, "barchart", with("runs", "x", "y", "where"));
        }

        @Override
        String render(Params p, Consumer<String> warnings) throws TemplateModelException {
            Axes a = axes(p, context, "results.main", "method", "top1");
            return new PlotWriter(context.palette()).barChart(a.set(), spec(p, a.x(), a.y(), null,
                    a.set().metric(a.y(), p.inlineMetric(a.y())), false), context.provenance(a.data()));
        }
    }

    /**
     * {@code <@curve state=results.trainer_state/>}: the learning curve from a Hugging Face {@code trainer_state.json}
     * ({@code log_history}): training loss and, when logged, validation loss over steps.
     */
    static final class Curve extends VocabularyCall {
        private static final Map<String, String> NAMES = Map.of("loss", "training loss", "eval_loss",
                "validation loss", "eval_accuracy", "validation accuracy", "learning_rate", "learning rate",
                "grad_norm", "gradient norm");

        Curve(RenderContext context) {
            super(context, "curve", with("state", "metrics", "x"));
        }

        @Override
        String render(Params p, Consumer<String> warnings) throws TemplateModelException {
            Object state = p.required("state", "state=results.trainer_state");
            if (!(state instanceof Map<?, ?> map) || !(map.get("log_history") instanceof List<?> history)) {
                throw new TemplateModelException("<@curve>: 'state' must be a Hugging Face trainer_state.json (an "
                        + "object with a 'log_history' list)");
            }
            String x = p.string("x", "step");
            List<String> metrics = p.strings("metrics");
            if (metrics.isEmpty()) {
                metrics = new ArrayList<>(List.of("loss"));
                if (history.stream().anyMatch(e -> e instanceof Map<?, ?> m && m.containsKey("eval_loss"))) {
                    metrics.add("eval_loss");
                }
            }
            List<Map<String, Object>> points = new ArrayList<>();
            for (Object entry : history) {
                if (!(entry instanceof Map<?, ?> record)) {
                    continue;
                }
                for (String metric : metrics) {
                    BigDecimal value = RunSet.number(record.get(metric));
                    BigDecimal position = RunSet.number(record.get(x));
                    if (value != null && position != null) {
                        Map<String, Object> point = new LinkedHashMap<>();
                        point.put("series", NAMES.getOrDefault(metric, metric));
                        point.put(x, position);
                        point.put("value", value);
                        points.add(point);
                    }
                }
            }
            if (points.isEmpty()) {
                throw new TemplateModelException("<@curve>: log_history has no entries with '" + x + "' and any of "
                        + metrics);
            }
            String yName = metrics.stream().allMatch(m -> m.contains("loss")) ? "loss"
                    : metrics.size() == 1 ? NAMES.getOrDefault(metrics.get(0), metrics.get(0)) : "value";
            MetricSpec metric = MetricSpec.plain("value").overriddenBy(p.inlineMetric("value"));
            if (!p.has("name")) {
                metric = new MetricSpec("value", yName, metric.direction(), metric.unit(), metric.scale(),
                        metric.decimals(), metric.significant(), metric.given());
            }
            context.needPgfplots();
            PlotSpec spec = new PlotSpec(x, "value", metrics.size() > 1 ? "series" : null, metric,
                    p.has("xlabel") ? p.latex("xlabel", "") : LatexOutputFormat.escape(x),
                    p.latex("caption", ""), p.string("label", ""), true, p.string("height", "0.5\\linewidth"),
                    p.string("placement", "htbp"));
            return new PlotWriter(context.palette()).linePlot(new RunSet(points, Map.of()), spec,
                    context.provenance(state));
        }
    }

    /** The runs a figure draws and its two fields, checked; the examples are for the error messages. */
    private record Axes(Object data, RunSet set, String x, String y) { }

    private static Axes axes(Params p, RenderContext context, String runsExample, String xExample, String yExample)
            throws TemplateModelException {
        Object data = p.required("runs", "runs=" + runsExample);
        RunSet set = Runs.filtered(RunSet.from(data), p.map("where"));
        String x = String.valueOf(p.required("x", "x=\"" + xExample + "\""));
        String y = String.valueOf(p.required("y", "y=\"" + yExample + "\""));
        requireField(set, x, "x");
        requireField(set, y, "y");
        context.needPgfplots();
        return new Axes(data, set, x, y);
    }

    static void requireField(RunSet set, String field, String role) {
        if (set.runs().stream().noneMatch(r -> r.containsKey(field))) {
            throw new IllegalArgumentException(role + "=\"" + field + "\" is not a field of the runs; they have: "
                    + String.join(", ", set.runs().isEmpty() ? List.of("(no runs)") : set.runs().get(0).keySet()));
        }
    }
}
