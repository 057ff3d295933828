package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.Spread;
import dev.texreport.core.numbers.Summary;
import dev.texreport.core.results.MetricValues;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.CurveNames;
import dev.texreport.core.template.LatexOutputFormat;
import dev.texreport.core.template.Palette;
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
import java.util.function.Function;

/**
 * The figure calls: {@code <@lineplot>}, {@code <@barchart>} and {@code <@curve>} (Hugging Face trainer state).
 *
 * <p>(Over the house's 250 lines on purpose: the three figure calls share their parameters' validation and
 * their placement, and read the same way; runs become lines in LineSource, the pgfplots text is PlotWriter's.)
 */
final class PlotCalls {
    /** Lines with more points than this are thinned to it (largest-triangle-three-buckets). */
    static final int MAX_POINTS = 1000;

    private PlotCalls() {
    }

    private static Set<String> with(String... names) {
        Set<String> all = new HashSet<>(Set.of(names));
        all.addAll(Set.of("caption", "label", "height", "width", "placement", "xlabel", "ylabel", "xmode", "ymode",
                "xmin", "xmax", "ymin", "ymax"));
        all.addAll(VocabularyCall.METRIC_SETTINGS);
        return all;
    }

    /** What a line figure draws, however its lines were made. */
    private record Drawn(List<Line> lines, boolean legend, String xLabel, String yLabel, String y2Label,
                         String provenance) { }

    /** {@code <@lineplot runs=results.training x="epoch" y="val_acc" series="method"/>}. */
    static final class LinePlot extends VocabularyCall {
        LinePlot(RenderContext context) {
            super(context, "lineplot", with("runs", "x", "y", "y2", "series", "where", "band", "smooth", "names",
                    "maxPoints"));
        }

        @Override
        String render(Params p, Consumer<String> warnings) throws TemplateModelException {
            Object data = p.required("runs", "runs=results.training");
            RunSet set = RunSet.from(data, context.origin()).select(p.map("where"));
            String x = String.valueOf(p.required("x", "x=\"epoch\""));
            p.required("y", "y=\"val_acc\"");
            List<String> ys = p.strings("y");
            List<String> y2s = p.strings("y2");
            String series = p.string("series", null);
            requireField(set, x, "x");
            for (String y : ys) {
                requireField(set, y, "y");
            }
            for (String y : y2s) {
                requireField(set, y, "y2");
            }
            if (series != null) {
                requireField(set, series, "series");
            }
            Map<String, MetricSpec> overrides = p.metricOverrides("y");
            MetricSpec inline = p.inlineMetric("y");
            Function<String, MetricSpec> metricOf = key -> {
                MetricSpec spec = set.metric(key, overrides.get(key));
                return spec.overriddenBy(inline);
            };
            Function<String, MetricSpec> metric2Of = key -> set.metric(key, null);
            LineSource source = new LineSource(set, x, series, names(p), band(p), smooth(p), p.has("maxPoints")
                    ? p.integer("maxPoints") : MAX_POINTS, logX(p), logY(p), p, context, warnings);
            List<Line> lines = new ArrayList<>(source.lines(ys, metricOf, false));
            lines.addAll(source.lines(y2s, metric2Of, true));
            if (lines.isEmpty()) {
                throw new TemplateModelException("<@lineplot>: no run has both a number for x=\"" + x + "\" and for "
                        + "y=" + ys + "; nothing to draw");
            }
            String xLabel = p.has("xlabel") ? p.latex("xlabel", "") : LatexOutputFormat.escape(x);
            String yLabel = p.has("ylabel") ? p.latex("ylabel", "") : LatexOutputFormat.escape(ys.size() == 1
                    ? metricOf.apply(ys.get(0)).label() : common(ys.stream().map(metricOf).toList()));
            String y2Label = y2s.isEmpty() ? null : LatexOutputFormat.escape(y2s.size() == 1
                    ? metric2Of.apply(y2s.get(0)).label() : common(y2s.stream().map(metric2Of).toList()));
            boolean legend = series != null || lines.size() > 1;
            return draw(p, context, new Drawn(lines, legend, xLabel, yLabel, y2Label, context.provenance(data)));
        }
    }

    /** {@code <@barchart runs=results.main x="method" y="top1" percent=true/>}: mean per category with std bars. */
    static final class BarChart extends VocabularyCall {
        BarChart(RenderContext context) {
            super(context, "barchart", with("runs", "x", "y", "where", "spread", "names"));
        }

        @Override
        String render(Params p, Consumer<String> warnings) throws TemplateModelException {
            Object data = p.required("runs", "runs=results.main");
            RunSet set = RunSet.from(data, context.origin()).select(p.map("where"));
            String x = String.valueOf(p.required("x", "x=\"method\""));
            String y = String.valueOf(p.required("y", "y=\"top1\""));
            requireField(set, x, "x");
            requireField(set, y, "y");
            Spread spread = StatCall.spread(p);
            if (spread == Spread.BOOTSTRAP) {
                throw new TemplateModelException("<@barchart>: error bars are symmetric: spread must be 'std', 'sem',"
                        + " 'ci95' or 'none'");
            }
            MetricSpec metric = set.metric(y, p.inlineMetric(y));
            Map<String, String> names = names(p);
            List<PlotWriter.Bar> bars = new ArrayList<>();
            for (RunSet.Group group : RunSet.groups(x, set.runs()).values()) {
                MetricValues values = set.values(group.runs(), y);
                String key = String.valueOf(group.value());
                String name = names.getOrDefault(key, key);
                if (values.hasNotFinite()) {
                    warnings.accept("<@barchart> '" + name + "': " + values.notFinite()
                            + " value(s) are NaN or infinite; the bar is left out");
                }
                Summary s = Summary.of(values.finite().stream().map(v -> v.multiply(metric.scale())).toList());
                BigDecimal error = s.mean() == null ? null : spread.halfWidth(s);
                bars.add(new PlotWriter.Bar(name, key, s.mean() == null || values.hasNotFinite() ? Double.NaN
                        : s.mean().doubleValue(), error == null ? 0 : error.doubleValue()));
            }
            context.needPgfplots();
            AxisOptions axes = axes(p, false, p.has("xlabel") ? p.latex("xlabel", "") : "",
                    p.has("ylabel") ? p.latex("ylabel", "") : LatexOutputFormat.escape(metric.label()), null);
            String drawing = new PlotWriter(context.palette()).barAxes(bars, axes);
            return place(p, context, drawing, bars.stream().map(b -> new PlotWriter.Entry(b.name(), b.key()))
                    .toList(), context.provenance(data));
        }
    }

    /**
     * {@code <@curve state=results.trainer_state/>}: the learning curve from a Hugging Face {@code trainer_state.json}
     * ({@code log_history}): training loss and, when logged, validation loss over steps.
     */
    static final class Curve extends VocabularyCall {
        Curve(RenderContext context) {
            super(context, "curve", with("state", "metrics", "metrics2", "x", "names", "smooth", "band",
                    "maxPoints"));
        }

        @Override
        String render(Params p, Consumer<String> warnings) throws TemplateModelException {
            Object state = p.required("state", "state=results.trainer_state");
            if (!(state instanceof Map<?, ?> map) || !(map.get("log_history") instanceof List<?> history)) {
                String has = state instanceof Map<?, ?> m ? "; it has: " + RunSet.list(new ArrayList<>(m.keySet()))
                        : "";
                throw new TemplateModelException("<@curve>: 'state' must be a Hugging Face trainer_state.json (an "
                        + "object with a 'log_history' list)" + has);
            }
            if (history.isEmpty()) {
                throw new TemplateModelException("<@curve>: the log_history of this trainer state is empty: the run "
                        + "logged nothing (was it stopped before logging_steps, or is this the state of step 0?)");
            }
            RunSet set = RunSet.from(history, context.origin());
            String x = p.string("x", "step");
            List<String> metrics = p.strings("metrics");
            if (metrics.isEmpty()) {
                metrics = new ArrayList<>(List.of("loss"));
                if (set.fields().contains("eval_loss")) {
                    metrics.add("eval_loss");
                }
            }
            List<String> metrics2 = p.strings("metrics2");
            Set<String> keys = set.fields();
            for (String key : concat(List.of(x), metrics, metrics2)) {
                if (!keys.contains(key)) {
                    throw new TemplateModelException("<@curve>: the log_history has no '" + key + "'; its keys are: "
                            + RunSet.list(new ArrayList<>(keys)));
                }
            }
            Map<String, MetricSpec> overrides = p.metricOverrides("metrics");
            MetricSpec inline = p.inlineMetric("value");
            Map<String, String> names = new LinkedHashMap<>();
            for (String key : concat(metrics, metrics2)) {
                MetricSpec declared = overrides.get(key);
                names.put(key, declared != null && declared.given().contains("name") ? declared.name()
                        : CurveNames.of(key));
            }
            names.putAll(names(p));
            Function<String, MetricSpec> metricOf = key -> {
                MetricSpec spec = MetricSpec.plain(key);
                if (overrides.containsKey(key)) {
                    spec = spec.overriddenBy(overrides.get(key));
                }
                return spec.overriddenBy(inline);
            };
            LineSource source = new LineSource(set, x, null, names, band(p), smooth(p), p.has("maxPoints")
                    ? p.integer("maxPoints") : MAX_POINTS, logX(p), logY(p), p, context, warnings);
            List<Line> lines = new ArrayList<>(source.lines(metrics, metricOf, false));
            lines.addAll(source.lines(metrics2, metricOf, true));
            if (lines.isEmpty()) {
                throw new TemplateModelException("<@curve>: log_history has no entries with '" + x + "' and any of "
                        + metrics);
            }
            String yName = p.has("name") ? inline.name() : metrics.stream().allMatch(m -> m.contains("loss"))
                    ? "loss" : metrics.size() == 1 ? names.get(metrics.get(0)) : "value";
            String unit = inline.unit();
            String yLabel = p.has("ylabel") ? p.latex("ylabel", "")
                    : LatexOutputFormat.escape(unit.isEmpty() ? yName : yName + " (" + unit + ")");
            String y2Label = metrics2.isEmpty() ? null : LatexOutputFormat.escape(metrics2.size() == 1
                    ? names.get(metrics2.get(0)) : "value");
            String xLabel = p.has("xlabel") ? p.latex("xlabel", "") : LatexOutputFormat.escape(x);
            return draw(p, context, new Drawn(lines, lines.size() > 1, xLabel, yLabel, y2Label,
                    context.provenance(state)));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** The shared part of several metrics' labels: their common unit, or "value". */
    private static String common(List<MetricSpec> metrics) {
        String unit = metrics.get(0).unit();
        boolean same = metrics.stream().allMatch(m -> m.unit().equals(unit));
        return same && !unit.isEmpty() ? "value (" + unit + ")" : "value";
    }

    /** Draws a line figure: a figure of its own, or a panel of the {@code <@figure>} around the call. */
    private static String draw(Params p, RenderContext context, Drawn drawn) throws TemplateModelException {
        context.needPgfplots();
        boolean panel = Panels.current(p.env()) != null;
        AxisOptions axes = axes(p, panel, drawn.xLabel(), drawn.yLabel(), drawn.y2Label());
        String drawing = new PlotWriter(context.palette()).lineAxes(drawn.lines(), axes, drawn.legend() && !panel);
        List<PlotWriter.Entry> legend = new ArrayList<>();
        if (drawn.legend()) {
            drawn.lines().forEach(l -> {
                if (l.name() != null && legend.stream().noneMatch(e -> e.name().equals(l.name()))) {
                    legend.add(new PlotWriter.Entry(l.name(), l.key()));
                }
            });
        }
        return place(p, context, drawing, legend, drawn.provenance());
    }

    /** A drawing as its own figure, or handed to the {@code <@figure>} it is a panel of. */
    private static String place(Params p, RenderContext context, String drawing, List<PlotWriter.Entry> legend,
                                String provenance) throws TemplateModelException {
        Panels panels = Panels.current(p.env());
        if (panels != null) {
            panels.add(new Panels.Panel(drawing, p.latex("caption", ""), p.string("label", ""), legend, provenance));
            return "";
        }
        StringBuilder tex = new StringBuilder();
        tex.append("% texreport: figure from ").append(provenance).append('\n');
        tex.append("\\begin{figure}[").append(p.string("placement", "htbp")).append("]\n");
        tex.append("  \\centering\n");
        tex.append(Palette.definitions().indent(2));
        tex.append(FloatBox.open());
        tex.append(drawing);
        tex.append(FloatBox.close("figure", p.place(), p.string("label", "")));
        tex.append("  \\caption{").append(p.latex("caption", "")).append("}\n");
        String label = p.string("label", "");
        if (!label.isEmpty()) {
            tex.append("  \\label{").append(label).append("}\n");
        }
        tex.append("\\end{figure}\n");
        return tex.toString();
    }

    static AxisOptions axes(Params p, boolean panel, String xLabel, String yLabel, String y2Label)
            throws TemplateModelException {
        // A second y axis puts its labels right of the width pgfplots plans for: leave room for them.
        String width = y2Label == null ? "\\linewidth" : "0.9\\linewidth";
        return new AxisOptions(p.string("width", width),
                p.string("height", panel ? "0.8\\linewidth" : "0.5\\linewidth"), xLabel, yLabel, y2Label, logX(p),
                logY(p), p.decimal("xmin"), p.decimal("xmax"), p.decimal("ymin"), p.decimal("ymax"));
    }

    private static boolean logX(Params p) throws TemplateModelException {
        return p.choice("xmode", "linear", "linear", "log").equals("log");
    }

    private static boolean logY(Params p) throws TemplateModelException {
        return p.choice("ymode", "linear", "linear", "log").equals("log");
    }

    /** The band: {@code std} over runs at each x, {@code minmax} from W&amp;B's __MIN/__MAX columns, or none. */
    private static String band(Params p) throws TemplateModelException {
        Object value = p.value("band");
        if (value == null || Boolean.TRUE.equals(value)) {
            return "auto";
        }
        if (Boolean.FALSE.equals(value)) {
            return "none";
        }
        return p.choice("band", "auto", "auto", "std", "minmax", "none");
    }

    /** TensorBoard's smoothing weight in [0, 1), or null. */
    private static Double smooth(Params p) throws TemplateModelException {
        BigDecimal weight = p.decimal("smooth");
        if (weight == null) {
            return null;
        }
        if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) >= 0) {
            throw new TemplateModelException("<@" + p.call() + ">: smooth is TensorBoard's smoothing weight, from 0"
                    + " (none) to below 1 (e.g. 0.6 or 0.9), not " + weight);
        }
        return weight.doubleValue();
    }

    /** Legend names for raw values or keys: {@code names={"eval_macro_f1": "Macro F1"}}. */
    private static Map<String, String> names(Params p) throws TemplateModelException {
        Map<String, String> names = new LinkedHashMap<>();
        p.map("names").forEach((k, v) -> names.put(k, String.valueOf(v)));
        return names;
    }

    static void requireField(RunSet set, String field, String role) {
        Set<String> fields = set.fields();
        if (!fields.contains(field)) {
            throw new IllegalArgumentException(role + "=\"" + field + "\" is not a field of the runs; they have: "
                    + (fields.isEmpty() ? "(no runs)" : RunSet.list(new ArrayList<>(fields))));
        }
    }
}
