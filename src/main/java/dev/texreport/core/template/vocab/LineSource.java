package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.Curves;
import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NonFinite;
import dev.texreport.core.numbers.Summary;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.CurveNames;
import dev.texreport.core.template.RenderContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns runs into the lines of a figure call ({@link PlotCalls}): one per series value and metric, averaged over the
 * runs at each x, with the spread as a band, smoothed and thinned when asked; NaN and infinite values and points a
 * log axis cannot show are left out with a warning.
 */
record LineSource(RunSet set, String x, String series, Map<String, String> names, String band,
                          Double smooth, int maxPoints, boolean logX, boolean logY, Params p,
                          RenderContext context, Consumer<String> warnings) {
    List<Line> lines(List<String> ys, Function<String, MetricSpec> metricOf, boolean right) {
        List<Line> lines = new ArrayList<>();
        List<RunSet.Group> groups = series == null ? List.of(new RunSet.Group(null, set.runs()))
                : new ArrayList<>(RunSet.groups(series, set.runs()).values());
        for (RunSet.Group group : groups) {
            for (String y : ys) {
                MetricSpec metric = metricOf.apply(y);
                String seriesName = group.value() == null ? null
                        : names.getOrDefault(String.valueOf(group.value()), String.valueOf(group.value()));
                String metricName = names.getOrDefault(y, metric.given().contains("name") ? metric.name()
                        : metric.name());
                String name = seriesName == null ? metricName
                        : ys.size() > 1 ? seriesName + " (" + metricName + ")" : seriesName;
                // The colour follows the name the results hold (the series value, the curve), not the legend's.
                String seriesKey = group.value() == null ? null : String.valueOf(group.value());
                String metricKey = names.containsKey(y) || !metric.given().contains("name") ? CurveNames.of(y)
                        : metric.name();
                String key = seriesKey == null ? metricKey
                        : ys.size() > 1 ? seriesKey + " (" + metricKey + ")" : seriesKey;
                Line line = line(name, key, group.runs(), y, metric, right);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private Line line(String name, String key, List<Map<String, Object>> runs, String y, MetricSpec metric,
                      boolean right) {
        TreeMap<BigDecimal, List<BigDecimal>> byX = new TreeMap<>();
        TreeMap<BigDecimal, List<BigDecimal[]>> minMax = new TreeMap<>();
        int notFinite = 0;
        int offScale = 0;
        for (Map<String, Object> run : runs) {
            BigDecimal position = RunSet.number(run.get(x));
            Object raw = run.get(y);
            if (position == null || !run.containsKey(y)) {
                continue;
            }
            if (raw instanceof NonFinite) {
                notFinite++;
                continue;
            }
            BigDecimal value = RunSet.number(raw);
            if (value == null) {
                throw set.notANumber(run, y, raw);
            }
            value = value.multiply(metric.scale());
            if (logX && position.signum() <= 0 || logY && value.signum() <= 0) {
                offScale++;
                continue;
            }
            byX.computeIfAbsent(position, k -> new ArrayList<>()).add(value);
            BigDecimal low = RunSet.number(run.get(y + "__MIN"));
            BigDecimal high = RunSet.number(run.get(y + "__MAX"));
            if (low != null && high != null) {
                minMax.computeIfAbsent(position, k -> new ArrayList<>())
                        .add(new BigDecimal[] {low.multiply(metric.scale()), high.multiply(metric.scale())});
            }
        }
        String who = "<@" + p.call() + "> '" + (name == null ? y : name) + "'";
        if (notFinite > 0) {
            warnings.accept(who + ": " + notFinite + " NaN or infinite value(s) of '" + y + "' left out");
        }
        if (offScale > 0) {
            warnings.accept(who + ": " + offScale + " point(s) at or below 0 left out of the log axis");
        }
        if (byX.isEmpty()) {
            return null;
        }
        int n = byX.size();
        double[] xs = new double[n];
        double[] means = new double[n];
        double[] low = null;
        double[] high = null;
        boolean useMinMax = !band.equals("none") && !band.equals("std") && minMax.size() == n;
        boolean useStd = !useMinMax && !band.equals("none") && !band.equals("minmax")
                && byX.values().stream().anyMatch(v -> v.size() > 1);
        if (band.equals("minmax") && !useMinMax) {
            throw new IllegalArgumentException("band=\"minmax\" needs '" + y + "__MIN' and '" + y + "__MAX' at "
                    + "every point (a W&B export); use band=\"std\" or leave band out");
        }
        if (useMinMax || useStd) {
            low = new double[n];
            high = new double[n];
        }
        int i = 0;
        for (Map.Entry<BigDecimal, List<BigDecimal>> point : byX.entrySet()) {
            Summary s = Summary.of(point.getValue());
            xs[i] = point.getKey().doubleValue();
            means[i] = s.mean().doubleValue();
            if (useMinMax) {
                List<BigDecimal[]> edges = minMax.get(point.getKey());
                low[i] = Summary.of(edges.stream().map(e -> e[0]).toList()).mean().doubleValue();
                high[i] = Summary.of(edges.stream().map(e -> e[1]).toList()).mean().doubleValue();
            } else if (useStd) {
                double std = s.std() == null ? 0 : s.std().doubleValue();
                low[i] = means[i] - std;
                high[i] = means[i] + std;
            }
            i++;
        }
        double[] raw = null;
        double[] drawn = means;
        if (smooth != null && smooth > 0) {
            raw = means;
            drawn = Curves.ema(means, smooth);
        }
        Line line = new Line(name, key, xs, drawn, low, high, raw, right);
        if (n > maxPoints) {
            line = line.keep(Curves.largestTriangleThreeBuckets(xs, drawn, maxPoints));
            context.debug(p.prefix() + "<@" + p.call() + "> '" + (name == null ? y : name) + "': " + n
                    + " points drawn as " + maxPoints + " (largest-triangle-three-buckets)");
        }
        return line;
    }
}
