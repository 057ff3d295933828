package dev.texreport.core.results;

import dev.texreport.core.numbers.MetricSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs as the vocabulary works on them: a list of records (one per run: identifying fields such as method and
 * dataset, a seed, and metric values) plus the metric declarations that came with them.
 *
 * <p>Accepted shapes, so teams can keep what their scripts write:
 * <ul>
 *   <li>a list of records: {@code [{"method": "ViT", "seed": 0, "top1": 0.81}, ...]}</li>
 *   <li>the recommended file shape: {@code {"metrics": {"top1": {...}}, "runs": [...]}}</li>
 *   <li>a folder or object of records, e.g. {@code results/vit/seed0.json, seed1.json}: each value is a run</li>
 * </ul>
 */
public record RunSet(List<Map<String, Object>> runs, Map<String, MetricSpec> metrics) {
    public RunSet {
        runs = List.copyOf(runs);
        metrics = Map.copyOf(metrics);
    }

    @SuppressWarnings("unchecked")
    public static RunSet from(Object data) {
        if (data instanceof List<?> list) {
            return new RunSet(records(list), Map.of());
        }
        if (data instanceof Map<?, ?> map) {
            Object runs = map.get("runs");
            if (runs instanceof List<?> list) {
                return new RunSet(records(list), declarations(map.get("metrics")));
            }
            List<Object> values = new ArrayList<>();
            for (Object value : map.values()) {
                if (value instanceof Map<?, ?>) {
                    values.add(value);
                }
            }
            if (!values.isEmpty() && values.size() == map.size()) {
                return new RunSet(records(values), Map.of());
            }
            throw new IllegalArgumentException("expected runs: a list of records, an object with a 'runs' list, or a "
                    + "folder of run files; this object has the keys " + String.join(", ",
                    ((Map<String, ?>) map).keySet()));
        }
        throw new IllegalArgumentException("expected runs (a list of records), not " + describe(data));
    }

    private static List<Map<String, Object>> records(Collection<?> items) {
        List<Map<String, Object>> records = new ArrayList<>();
        int index = 0;
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("run " + index + " is " + describe(item)
                        + ", not a record with fields such as method, seed and metric values");
            }
            Map<String, Object> record = new LinkedHashMap<>();
            map.forEach((k, v) -> record.put(String.valueOf(k), v));
            records.add(record);
            index++;
        }
        return records;
    }

    private static Map<String, MetricSpec> declarations(Object metrics) {
        Map<String, MetricSpec> specs = new LinkedHashMap<>();
        if (metrics instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof Map<?, ?> declaration)) {
                    throw new IllegalArgumentException("metric '" + key + "' must be declared as an object such as "
                            + "{\"name\": \"Top-1\", \"direction\": \"higher\", \"decimals\": 1}");
                }
                specs.put(key, MetricSpec.fromMap(key, declaration));
            }
        }
        return specs;
    }

    /** The declared spec for a metric, overridden by what the template call says. */
    public MetricSpec metric(String key, MetricSpec fromCall) {
        MetricSpec declared = metrics.getOrDefault(key, MetricSpec.plain(key));
        return fromCall == null ? declared : declared.overriddenBy(fromCall);
    }

    /** The runs whose fields equal the given values. */
    public List<Map<String, Object>> where(Map<String, Object> filter) {
        return runs.stream().filter(r -> filter.entrySet().stream()
                .allMatch(f -> same(r.get(f.getKey()), f.getValue()))).toList();
    }

    /** Distinct values of a field, in order of first appearance. */
    public List<Object> distinct(String field, List<Map<String, Object>> within) {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> run : within) {
            Object value = run.get(field);
            if (value != null && values.stream().noneMatch(v -> same(v, value))) {
                values.add(value);
            }
        }
        return values;
    }

    /** A metric's values over the given runs; a missing field or non-number is null. */
    public static List<BigDecimal> values(List<Map<String, Object>> runs, String metric) {
        List<BigDecimal> values = new ArrayList<>();
        for (Map<String, Object> run : runs) {
            values.add(number(run.get(metric)));
        }
        return values;
    }

    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return String.valueOf(a).equals(String.valueOf(b));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        return "the text '" + value + "'";
    }
}
